#!/usr/bin/env python3
"""Bureau mode through the command line: the claims CSV in and out, errors by line and column, encodings, budget.

    csv_test.py SKILLCALC TESTS/BUREAU

Round trip: every claims CSV here is also turned into JSONL situations by this script (grouping rows by applicant, as
the README describes) and run through `eval --jsonl`; the items of `eval --csv` must be the same. Expected budget
figures are worked out by hand from 威政办发〔2025〕3号 8. (see tests/unit/budget_test.cpp).
"""
import csv, io, json, os, re, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from clitest_util import Checks, cli_runner

cli, here = sys.argv[1], sys.argv[2]
checks = Checks(limit=100000)
expect = checks.expect
TODAY = "2025-12-01"
run = cli_runner(cli, TODAY, timeout=120, quiet=True)


def rows_of(data):
    """The records of a CSV file as written by skillcalc: a BOM, CRLF endings."""
    text = data.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


# What the README says the columns mean, in Python: enough for the files here.
INT = {"count", "rank", "years", "hires", "age"}
BOOL = {"key_industry_chain", "state_owned", "full_time"}
ALIAS = {"申请人": "applicant", "城市": "city", "申请人类型": "applicant_kind", "事件类型": "type", "日期": "date", "事件编号": "event_id", "备注": "note"}
LABELS = {"威海": "weihai", "烟台": "yantai", "企业": "enterprise", "高级工": "senior_worker", "企业自主评价": "enterprise_self_evaluation"}


def date(s):
    m = re.match(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$", s)
    return "%s-%02d-%02d" % (m.group(1), int(m.group(2)), int(m.group(3))) if m else s


def situations(path):
    raw = open(path, encoding="utf-8-sig", newline="").read()
    reader = csv.reader(io.StringIO(raw, newline=""))
    head = [ALIAS.get(h.strip(), h.strip().lower()) for h in next(reader)]
    out, order = {}, []
    line = 1
    for cells in reader:
        line += 1
        row = {h: LABELS.get(c.strip(), c.strip()) for h, c in zip(head, cells) if c.strip()}
        name = row["applicant"]
        if name not in out:
            order.append(name)
            out[name] = {"city": row["city"], "applicant": {"kind": row["applicant_kind"]}, "events": []}
        s = out[name]
        for k, v in row.items():
            if k.startswith("applicant."):
                f = k[10:]
                s["applicant"][f] = v in ("是", "true", "1") if f in BOOL else v
        if "type" in row:
            ev = {"id": row.get("event_id", "L%d" % line), "type": row["type"]}
            if "date" in row:
                ev["date"] = date(row["date"])
            for k, v in row.items():
                if k in ("applicant", "city", "applicant_kind", "event_id", "type", "date", "note") or "." in k:
                    continue
                ev[k] = int(v) if k in INT else v
            s["events"].append(ev)
    return [(n, out[n]) for n in order]


def items_key(it):
    t = it.get("total")
    return (it["clause_id"], it["status"], "" if not t else str(t["min_yuan"]), "" if not t else str(t["max_yuan"]))


# ---- eval --csv: the sample, round trip through eval --jsonl ----------------------------------------------------
sample = os.path.join(here, "claims-sample.csv")
p = run(["eval", "--csv", sample])
expect("eval --csv of the sample exits 0", p.returncode == 0, p.stderr.decode())
out = p.stdout
expect("the output starts with a UTF-8 BOM", out.startswith(b"\xef\xbb\xbf"))
expect("every record ends CRLF", out.endswith(b"\r\n") and b"\n" not in out.replace(b"\r\n", b""))
rows = rows_of(out)
expect("the header", list(rows[0].keys())[:7] == ["applicant", "city", "lines", "clause_id", "status", "document", "clause"])
sits = situations(sample)
jsonl = "".join(json.dumps(s, ensure_ascii=False) + "\n" for _, s in sits)
pj = run(["eval", "--jsonl", "-"], jsonl.encode())
results = [json.loads(l) for l in pj.stdout.decode().splitlines()]
expect("the same situations through eval --jsonl", pj.returncode == 0 and len(results) == len(sits))
for (name, _), r in zip(sits, results):
    via_jsonl = sorted(items_key(it) for it in r["items"])
    via_csv = sorted((x["clause_id"], x["status"], x["total_min_yuan"], x["total_max_yuan"]) for x in rows if x["applicant"] == name)
    expect("round trip: %s has the same items by CSV and by JSONL" % name, via_jsonl == via_csv, "\n%s\n%s" % (via_jsonl, via_csv))
for (name, _), r in zip(sits, results):
    mine = [x for x in rows if x["applicant"] == name]
    due = [sum(int(x["due_min_yuan"] or 0) for x in mine), sum(int(x["due_max_yuan"] or 0) for x in mine)]
    expect("%s: the due columns add up to the result's totals (a spreadsheet's SUM is the money due)" % name,
           due == [r["totals"]["min_yuan"], r["totals"]["max_yuan"]], (due, r["totals"]))
names = sorted({x["applicant"] for x in rows})
expect("names with a comma and with quotes survive", "李娜, 烟台" in names and '烟台"未来"技工学校' in names, names)
craft = [x for x in rows if x["applicant"] == "张伟" and x["clause_id"] == "WH25-10-weihai-craftsman"]
expect("张伟's 威海工匠 reward, on line 6, event e2", craft and craft[0]["total_max_yuan"] == "10000" and craft[0]["lines"] == "6" and craft[0]["events"] == "e2")
chuan = [x for x in rows if x["applicant"] == "威海某船舶配套有限公司" and x["clause_id"] == "WH25-08-self-eval-reward"]
expect("the 威海工匠 reward names the 责任单位 of WH25 10. as the text writes it",
       craft and craft[0]["handled_by"] == "市委组织部、市总工会、市妇联、市科技局、市财政局、市人力资源社会保障局等部门、单位")
expect("Chinese labels and 2025/9/1 are read: 120 senior workers × 500", chuan and chuan[0]["total_max_yuan"] == "60000" and chuan[0]["heads"] == "120")
expect("the explanation is carried", chuan and chuan[0]["explain"].startswith("贵单位于2025年9月1日"))

# Full-width digits, as typed with a Chinese input method, are digits: "１２０" senior workers × 500 = 60000.
wide = ("applicant,city,applicant_kind,type,date,level,route,count\n"
        "全角公司,weihai,enterprise,skill_level,2025-09-01,senior_worker,enterprise_self_evaluation,１２０\n")
q = run(["eval", "--csv", "-"], wide.encode())
wide_rows = [x for x in rows_of(q.stdout) if x["clause_id"] == "WH25-08-self-eval-reward"]
expect("a count of full-width digits is read: 120 senior workers × 500",
       q.returncode == 0 and wide_rows and wide_rows[0]["heads"] == "120" and wide_rows[0]["total_max_yuan"] == "60000",
       q.stderr.decode())

# An applicant whose every row is refused keeps its row's city on the error row, as one refused by the core does:
# a clerk filtering the items sheet by city still sees it (威海 written in Chinese too).
refused = ("applicant,city,applicant_kind,type,date,level,route,tier,rank\n"
           "吴九,weihai,person,competition,2026-07-01,,,provincial_class1,第一\n"
           "郑十,威海,person,skill_level,,高级技师,金蓝领培训,,\n"
           "孙七,weihai,person,skill_level,2026-13-40,技师,金蓝领培训,,\n")
q = run(["eval", "--csv", "-"], refused.encode())
err_rows = [(x["applicant"], x["city"]) for x in rows_of(q.stdout) if x["status"] == "error"]
expect("every error row names its row's city", err_rows == [("吴九", "weihai"), ("郑十", "weihai"), ("孙七", "weihai")],
       err_rows)

# An event after the day asked about is a plan: its row says so in the note column.
plan = ("applicant,city,applicant_kind,as_of,type,date,tier,rank,contest\n"
        "计划中,weihai,person,2025-06-01,competition,2025-07-01,national_class1,2,cnc\n")
q = run(["eval", "--csv", "-"], plan.encode())
plan_rows = [x for x in rows_of(q.stdout) if x["clause_id"] == "WH25-09-national-cat1"]
expect("a planned row says so in its note", plan_rows and "planned" in plan_rows[0]["note"], q.stdout.decode())

# A label typed without its quotation marks is the label: 金蓝领培训 for “金蓝领”培训 (3000 for a 技师 under WH25 2.).
unq = ("applicant,city,applicant_kind,type,date,level,route\n"
       "张三,weihai,person,skill_level,2025-08-01,技师,金蓝领培训\n")
q = run(["eval", "--csv", "--today", "2025-09-01", "-"], unq.encode())
unq_rows = [x for x in rows_of(q.stdout) if x["clause_id"] == "WH25-02-jinlanling"]
expect("金蓝领培训 is read as the route “金蓝领”培训: 3000, certain",
       q.returncode == 0 and unq_rows and unq_rows[0]["total_min_yuan"] == "3000", q.stderr.decode())

# A row that waits on a fact left blank names it in the note column, so that a clerk can filter such rows.
blank = ("applicant,city,applicant_kind,type,date,level,route\n"
         "张三,weihai,person,skill_level,2025-08-01,technician,\n")
q = run(["eval", "--csv", "--today", "2025-09-01", "-"], blank.encode())
blank_rows = [x for x in rows_of(q.stdout) if x["clause_id"] == "WH25-02-jinlanling"]
expect("a row waiting on a blank route says 'missing: event.route' in its note",
       blank_rows and "missing: event.route" in blank_rows[0]["note"], q.stdout.decode())

# The same file without BOM, with CRLF, and with a BOM and LF: the same output.
with tempfile.TemporaryDirectory() as tmp:
    raw = open(sample, "rb").read()
    for label, data in [("a BOM", b"\xef\xbb\xbf" + raw), ("CRLF", raw.replace(b"\n", b"\r\n"))]:
        f = os.path.join(tmp, "x.csv")
        open(f, "wb").write(data)
        q = run(["eval", "--csv", f])
        expect("input with %s gives the same output" % label, q.returncode == 0 and q.stdout.replace(f.encode(), b"") == out.replace(sample.encode(), b""))
    # The output itself read back as input (its own columns are not claims columns): refused, with the column named.
    f = os.path.join(tmp, "out.csv")
    open(f, "wb").write(out)
    q = run(["eval", "--csv", f])
    expect("an items CSV is not a claims CSV: unknown columns named", q.returncode == 2 and "clause_id" in q.stderr.decode(), q.stderr.decode())
    # -o writes the file.
    f = os.path.join(tmp, "items.csv")
    q = run(["eval", "--csv", sample, "-o", f])
    expect("-o writes the same bytes to a file", q.returncode == 0 and q.stdout == b"" and open(f, "rb").read() == out)

# ---- errors: line and column, rows skipped, nothing dropped -------------------------------------------------------
bad = os.path.join(here, "claims-errors.csv")
p = run(["eval", "--csv", bad])
err = p.stderr.decode()
expect("a file with bad rows exits 2", p.returncode == 2)
for loc in ["3:10 (rank)", "4:10 (rank)", "6:2 (city)", "7:3 (applicant_kind)", "8:1 (applicant)", "9:12 (title)", "10:5 (date)", "11:13", "12:1"]:
    expect("error reported at %s" % loc, ("claims-errors.csv:" + loc) in err, err)
expect("the summary counts the errors", "11 rows" in err and "9 errors, 9 rows left out" in err, err.splitlines()[-1:])
rows = rows_of(p.stdout)
errors = [x for x in rows if x["status"] == "error"]
expect("each error is also a row of the output", len(errors) == 9 and sorted(int(x["lines"]) for x in errors) == [3, 4, 6, 7, 8, 9, 10, 11, 12])
w5 = [x for x in rows if x["applicant"] == "王五" and x["status"] == "granted"]
expect("王五's good row still counts after his bad ones are left out", [x["clause_id"] for x in w5] == ["WH25-10-weihai-craftsman"])
expect("an applicant with nothing left is its error row alone, not also 'no entitlement met'",
       [x["status"] for x in rows if x["applicant"] == "孙八"] == ["error"])
expect("the good enterprise is there", any(x["applicant"] == "好企业" and x["total_max_yuan"] == "10000" for x in rows))

# ---- encodings ------------------------------------------------------------------------------------------------------
p = run(["eval", "--csv", os.path.join(here, "claims-gbk.csv")])
err = p.stderr.decode()
expect("GBK is refused in Chinese and English", p.returncode == 2 and "GBK" in err and "不是 UTF-8" in err and "not UTF-8" in err and p.stdout == b"", err)
with tempfile.TemporaryDirectory() as tmp:
    kept = os.path.join(tmp, "items.csv")
    open(kept, "wb").write(b"last week's items\n")
    for cmd in (["eval", "--csv"], ["budget", "--format", "csv"]):
        p = run(cmd + [os.path.join(here, "claims-gbk.csv"), "-o", kept])
        expect(" ".join(cmd) + ": a refused file leaves an earlier -o file as it was", p.returncode == 2 and open(kept, "rb").read() == b"last week's items\n")
    fresh = os.path.join(tmp, "fresh.csv")
    p = run(["eval", "--csv", os.path.join(here, "claims-gbk.csv"), "-o", fresh])
    expect("... and creates no file", p.returncode == 2 and not os.path.exists(fresh))
    empty = os.path.join(tmp, "empty.jsonl")
    open(empty, "w").close()
    p = run(["eval", "--jsonl", empty, "-o", kept])
    expect("an input with nothing in it still replaces the -o file (with nothing)", p.returncode == 0 and open(kept, "rb").read() == b"")
with tempfile.TemporaryDirectory() as tmp:
    f = os.path.join(tmp, "u16.csv")
    open(f, "wb").write("applicant,city\n".encode("utf-16"))
    p = run(["eval", "--csv", f])
    expect("UTF-16 is refused", p.returncode == 2 and "UTF-16" in p.stderr.decode())
    f = os.path.join(tmp, "quote.csv")
    open(f, "wb").write(open(sample, "rb").read() + b'"unterminated,weihai,person\n')
    p = run(["eval", "--csv", f])
    expect("an unterminated quote is reported at its line", p.returncode == 2 and "quote.csv:12:1" in p.stderr.decode(), p.stderr.decode())

# ---- budget ---------------------------------------------------------------------------------------------------------
over = os.path.join(here, "claims-weihai-over.csv")
p = run(["budget", over])
expect("budget of a CSV exits 0", p.returncode == 0, p.stderr.decode())
r = json.loads(p.stdout)
pool = r["pools"][0]
alloc = {a["applicant"]: a["allocated_yuan"] for a in pool["applicants"]}
expect("4,000,500 claimed: pro rata 8000/8001", pool["claimed_yuan"] == 4000500 and pool["ratio"]["num"] == 8000 and pool["ratio"]["den"] == 8001)
expect("甲 1,999,750, 乙 1,999,750, 丙 500 (the remainder yuan)", alloc == {"甲公司": 1999750, "乙公司": 1999750, "丙公司": 500}, alloc)
expect("the city pays 2,000,000, the county 2,000,000", [x["yuan"] for x in pool["payers"]] == [2000000, 2000000])
p = run(["budget", "--format", "csv", over])
rows = rows_of(p.stdout)
total = [x for x in rows if x["applicant"].startswith("合计")]
expect("budget --format csv: a BOM, and the total row", p.stdout.startswith(b"\xef\xbb\xbf") and total and total[0]["allocated_yuan"] == "4000000"
       and total[0]["city_finance_yuan"] == "2000000" and total[0]["county_finance_yuan"] == "2000000")
expect("budget --format csv: per applicant and payer", any(x["applicant"] == "丙公司" and x["city_finance_yuan"] == "250" for x in rows))
# The same claims as JSONL on stdin give the same figures.
claims = "".join(json.dumps({"id": n, "situation": s}, ensure_ascii=False) + "\n" for n, s in situations(over))
p = run(["budget", "-"], claims.encode())
r2 = json.loads(p.stdout)
expect("budget of JSONL on stdin agrees with the CSV", p.returncode == 0 and r2["pools"][0]["applicants"] == r["pools"][0]["applicants"])
# A bad line is reported with its line number; the others are settled.
p = run(["budget", "-"], (claims + "\n{\"id\":\"x\",\"situation\":{\"city\":\"mars\"}}\n").encode())
expect("budget reports a bad line by number and goes on", p.returncode == 2 and "<stdin>:5:" in p.stderr.decode()
       and json.loads(p.stdout)["pools"][0]["claimed_yuan"] == 4000500, p.stderr.decode())
p = run(["budget", "--format", "csv", bad])
expect("budget of the bad CSV lists the rows it left out", p.returncode == 2 and "claims-errors.csv:4:10 (rank)" in p.stderr.decode())
rows = rows_of(p.stdout)
expect("... and its settlement says so: an error row for line 4, rank", any(x["rule"] == "error" and x["note"].startswith("line 4 rank:") and "未计入结算" in x["note"] for x in rows), rows)
# A row left out of a pool's claims changes every share: the settlement names it, counts it, and is marked incomplete.
with tempfile.TemporaryDirectory() as tmp:
    f = os.path.join(tmp, "left-out.csv")
    open(f, "w", encoding="utf-8").write(
        "applicant,city,applicant_kind,type,date,level,route,count\n"
        "W,weihai,enterprise,skill_level,2025-06-01,technician,enterprise_self_evaluation,2000\n"
        "W,weihai,enterprise,skill_level,2025-06-01,senior_technician,enterprise_self_evaluation,\"1,000人\"\n"
        "V,weihai,enterprise,skill_level,2025-06-01,technician,enterprise_self_evaluation,2000\n")
    p = run(["budget", f])
    r = json.loads(p.stdout)
    expect("budget JSON: a row left out is in errors by line and counted",
           p.returncode == 2 and r["errors"] and r["errors"][0]["line"] == 3 and r["errors"][0]["error"]["code"] == "row_left_out"
           and r["summary"]["errors"] == 1 and r["summary"]["rows_left_out"] == 1 and r["summary"]["complete"] is False, r.get("summary"))
    p = run(["budget", "--format", "csv", f])
    rows = rows_of(p.stdout)
    total = [x for x in rows if x["applicant"].startswith("合计")]
    expect("budget CSV: the row left out is an error row, and the pool's total says it is not to be paid from",
           any(x["rule"] == "error" and x["applicant"] == "W" and x["note"].startswith("line 3 count:") for x in rows)
           and total and total[0]["note"].startswith("结算不完整"), rows)
p = run(["budget", over])
expect("a clean settlement is complete", json.loads(p.stdout)["summary"]["complete"] is True)
# Two identical rows are two events of one applicant: both count, and both commands say so.
with tempfile.TemporaryDirectory() as tmp:
    f = os.path.join(tmp, "twice.csv")
    row = "A,weihai,enterprise,skill_level,2025-06-01,technician,enterprise_self_evaluation,10\n"
    open(f, "w", encoding="utf-8").write("applicant,city,applicant_kind,type,date,level,route,count\n" + row + row)
    for cmd in (["eval", "--csv"], ["budget"]):
        p = run(cmd + [f])
        expect(" ".join(cmd) + ": a row the same as an earlier one is warned about, by line",
               "twice.csv:3: 警告：与第 2 行完全相同" in p.stderr.decode() and "identical to line 2" in p.stderr.decode(), p.stderr.decode())
    p = run(["eval", "--csv", f])
    expect("eval --csv: an item of a city-wide yearly total says so in its note (budget settles it)",
           "pool: WH25-08-self-eval-budget" in p.stdout.decode("utf-8-sig"), p.stdout.decode("utf-8-sig")[-600:])
    alike = os.path.join(tmp, "alike.csv")
    open(alike, "w", encoding="utf-8").write(
        "applicant,city,applicant_kind,type,date,level,route,count\n" + row +
        "A,威海,企业,取得职业技能等级,2025/6/1,技师,企业自主评价,10.0\n")
    for cmd in (["eval", "--csv"], ["budget"]):
        p = run(cmd + [alike])
        expect(" ".join(cmd) + ": a row the same once read (labels, 2025/6/1, 10.0) is warned about, by line",
               "alike.csv:3: 警告：与第 2 行内容相同" in p.stderr.decode() and "the same as line 2" in
               p.stderr.decode(), p.stderr.decode())
    r = json.loads(run(["budget", f]).stdout)
    once = os.path.join(tmp, "once.csv")
    open(once, "w", encoding="utf-8").write("applicant,city,applicant_kind,type,date,level,route,count\n" + row)
    r1 = json.loads(run(["budget", once]).stdout)
    expect("... and both rows count: twice the claim of one row", p.returncode == 0 and r1["pools"][0]["claimed_yuan"] > 0
           and r["pools"][0]["claimed_yuan"] == 2 * r1["pools"][0]["claimed_yuan"], (r["pools"], r1["pools"]))

# A row whose date is empty is an error of its row: the run's day would pick a pool's year (威海 8. 当年度).
with tempfile.TemporaryDirectory() as tmp:
    f = os.path.join(tmp, "nodate.csv")
    open(f, "w", encoding="utf-8").write("applicant,city,applicant_kind,type,date,level,route,count\n"
                                         "甲公司,weihai,enterprise,skill_level,2025-06-01,technician,enterprise_self_evaluation,2000\n"
                                         "乙公司,weihai,enterprise,skill_level,,senior_technician,enterprise_self_evaluation,1000\n")
    for today in ("2025-12-31", "2026-01-02"):
        p = run(["--today", today, "budget", f])
        r = json.loads(p.stdout)
        expect("budget --today %s: an empty date is an error of line 3, the settlement incomplete" % today,
               p.returncode == 2 and r["errors"] and r["errors"][0]["line"] == 3 and r["summary"]["complete"] is False
               and [x["year"] for x in r["pools"]] == [2025] and "事件日期为空" in r["errors"][0]["error"]["zh"], r.get("errors"))
    p = run(["eval", "--csv", f])
    expect("eval --csv: an empty date is an error row naming its line and column",
           p.returncode == 2 and "nodate.csv:3:5" in p.stderr.decode() and "the event's date is empty" in p.stderr.decode(), p.stderr.decode())

# One applicant's name in other forms (a full-width space inside, full-width letters and brackets, case) is one
# applicant under one yearly cap (烟台 (十一) 每家企业每年不超过10万元: 3 x 30 技师 x 2500 = 225,000 -> 100,000), warned.
with tempfile.TemporaryDirectory() as tmp:
    f = os.path.join(tmp, "names.csv")
    head = "applicant,city,applicant_kind,type,date,level,trained_by,count\n"
    rows = ["ABC公司（烟台）", "ＡＢＣ公司(烟台)", "abc 公司（烟台）"]
    open(f, "w", encoding="utf-8").write(head + "".join("%s,yantai,enterprise,skill_level,2025-0%d-01,technician,own_enterprise,30\n" % (n, i + 3) for i, n in enumerate(rows)))
    p = run(["eval", "--csv", f])
    items = [x for x in rows_of(p.stdout) if x["clause_id"].startswith("YT24-11") and x["status"] in ("granted", "capped")]
    total = sum(int(x["total_max_yuan"]) for x in items)
    expect("names differing in spaces, full-width forms and case are one applicant: capped at 100,000",
           p.returncode == 0 and {x["applicant"] for x in items} == {"ABC公司（烟台）"} and total == 100000, (total, items))
    err = p.stderr.decode()
    expect("... and each other form is warned about by line", "names.csv:3: 警告：申请人“ＡＢＣ公司(烟台)”" in err and "names.csv:4:" in err and "taken as the same applicant" in err, err)
    claims = "".join(json.dumps({"id": n, "situation": {"city": "yantai", "as_of": "2026-03-01", "applicant": {"kind": "enterprise", "key_industry_chain": False},
                                 "events": [{"id": "e%d" % i, "type": "skill_level", "date": "2025-0%d-01" % (i + 3), "level": "technician",
                                             "trained_by": "own_enterprise", "count": 30}]}}, ensure_ascii=False) + "\n"
                     for i, n in enumerate(["甲公司", "甲公司 ", "\u3000甲公司", "甲　公司"]))
    r = json.loads(run(["budget", "-"], claims.encode()).stdout)
    expect("budget JSONL: ids differing only in white space are one applicant, under one cap",
           r["summary"]["applicants"] == 1 and len(r["caps"]) == 1 and r["caps"][0]["after"] == {"min_yuan": 100000, "max_yuan": 100000}, r.get("caps"))
    f = os.path.join(tmp, "claimed.csv")
    open(f, "w", encoding="utf-8").write("applicant,city,applicant_kind,applicant.key_industry_chain,type,date,level,route,count,claimed.YT24-07-self-eval-support\n"
                                         "丁公司,yantai,enterprise,是,skill_level,2025-03-01,technician,enterprise_self_evaluation,10,20000\n"
                                         "丁公司,yantai,enterprise,是,skill_level,2025-06-01,technician,enterprise_self_evaluation,10,20000\n")
    p = run(["budget", f])
    r = json.loads(p.stdout)
    expect("budget CSV: an assessed amount given on a second row of its applicant is an error of that row",
           p.returncode == 2 and r["errors"] and r["errors"][0]["line"] == 3 and "只填一行" in r["errors"][0]["error"]["zh"], r.get("errors"))

    # An applicant of several rows left out whole names every one of its rows, not only the one at fault.
    f = os.path.join(tmp, "left-out-rows.csv")
    open(f, "w", encoding="utf-8").write("applicant,city,applicant_kind,type,date,level,route,count\n"
                                         "乙企业,烟台,企业,skill_level,2025-05-20,技师,企业自主评价,12\n"
                                         "甲企业,烟台,企业,skill_level,2025-05-20,技师,企业自主评价,3\n"
                                         "乙企业,烟台,企业,skill_level,2025-09-01,高级技师,企业自主评价,2\n")
    p = run(["--today", "2026-01-15", "budget", f])
    r = json.loads(p.stdout)
    err = [x for x in r["errors"] if x["applicant"] == "乙企业"]
    expect("budget JSON: a left-out applicant's error lists all its lines", p.returncode == 2 and err and err[0]["line"] == 2
           and err[0].get("lines") == [2, 4], r.get("errors"))
    p = run(["--today", "2026-01-15", "budget", "--format", "csv", f])
    rows = [x for x in rows_of(p.stdout) if x["applicant"] == "乙企业"]
    expect("budget CSV and stderr: the left-out applicant's lines 2 and 4 are named", rows and "lines 2, 4 of this applicant" in rows[0]["note"]
           and "第2、4行均未计入" in p.stderr.decode(), (rows, p.stderr.decode()))

# A cell with a line break quoted in an error is written \n, so that each error is one line of stderr; a header
# repeated inside the file (two exports joined) is said to be one, not an unknown city 城市.
with tempfile.TemporaryDirectory() as tmp:
    f = os.path.join(tmp, "joined.csv")
    head = "\ufeff申请人,城市,申请人类型,事件类型,日期,职业技能等级,取得途径,人数\n"
    open(f, "w", encoding="utf-8").write(head + "甲公司,威海,企业,skill_level,2025/7/1,技师,企业自主评价,\"1\n2\"\n" + head +
                                         "乙公司,威海,企业,skill_level,2025/7/1,技师,企业自主评价,3\n")
    p = run(["eval", "--csv", f])
    err = p.stderr.decode()
    lines = [l for l in err.splitlines() if "joined.csv:" in l]
    expect("eval --csv: a cell's line break is written \\n in its error, one line of stderr", any("“1\\n2”" in l and "'1\\n2'" in l for l in lines)
           and not any(l.startswith("2”") or l.startswith("2')") for l in err.splitlines()), err)
    expect("eval --csv: a repeated header row is said to be one", any("joined.csv:4:" in l and "repeats the header" in l for l in lines)
           and "城市”的政策文件" not in err, err)
    expect("... and the rows after it are read", any(x["applicant"] == "乙公司" and x["status"] == "granted" for x in rows_of(p.stdout)), p.stdout[:300])

# The reviewer's cases: a level cell with a line break (refused by the core, not the reader) is one line of stderr; a
# header repeated in another case is said to be one and no applicant; an applicant left out for its own fault names
# both its lines in the budget's JSON; a claim that went to (十一) below its floor in a pool that unassessed maxima cut
# is provisional too (assessed lower, the maxima would leave it paid from the pool).
with tempfile.TemporaryDirectory() as tmp:
    f = os.path.join(tmp, "review.csv")
    open(f, "w", encoding="utf-8").write("applicant,city,applicant_kind,applicant.employer,type,date,level,route,count\n"
                                         "甲公司,yantai,enterprise,,skill_level,2025-06-01,\"tech\nnician\",enterprise_self_evaluation,10\n"
                                         "Applicant,City,Applicant_Kind,Applicant.Employer,Type,Date,Level,Route,Count\n"
                                         "乙公司,yantai,enterprise,,skill_level,2025-06-01,technician,enterprise_self_evaluation,10\n"
                                         "乙公司,yantai,enterprise,enterprise,skill_level,2025-07-01,technician,enterprise_self_evaluation,5\n")
    p = run(["eval", "--csv", f])
    err = p.stderr.decode()
    expect("eval --csv: a core-refused cell with a line break is written \\n", "“tech\\nnician”" in err and not any(l.startswith("nician") for l in err.splitlines()), err)
    expect("eval --csv: a header repeated in another case is said to be one and counted as no applicant",
           "review.csv:4: " in err and "repeats the header" in err and " 2 applicants" in err, err)
    r = json.loads(run(["budget", f]).stdout)
    left = [x for x in r["errors"] if x.get("applicant") == "乙公司"]
    expect("budget JSON: an applicant left out for its own fault lists both its lines", left and left[0].get("lines") == [5, 6], r["errors"])
    claims = [{"id": "E0", "situation": {"city": "yantai", "as_of": "2025-12-31", "applicant": {"kind": "enterprise", "key_industry_chain": True},
               "events": [{"type": "skill_level", "date": "2025-06-01", "level": "technician", "route": "enterprise_self_evaluation", "count": 10,
                           "trained_by": "own_enterprise"}]}, "claimed_yuan": {"YT24-07-self-eval-support": 30000}}]
    claims += [{"id": "E%d" % k, "situation": {"city": "yantai", "as_of": "2025-12-31", "applicant": {"kind": "enterprise", "key_industry_chain": True},
                "events": [{"type": "skill_level", "date": "2025-06-01", "level": "technician", "route": "enterprise_self_evaluation", "count": 10,
                            "trained_by": "training_school"}]}} for k in range(1, 31)]
    r = json.loads(run(["budget", "-"], "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in claims).encode()).stdout)
    e0 = [a for a in r["pools"][0]["applicants"] if a["applicant"] == "E0"]
    expect("budget: a claim withdrawn to (十一) in a pool that maxima cut is provisional", e0 and e0[0].get("withdrawn_yuan") == 30000
           and e0[0].get("provisional_share") is True and r["summary"]["provisional"] is True, e0)

# 烟台 (七) claimed where 就高 gives the 30 technicians to (十一) (75,000 > 最高5万元): the refusal says why.
with tempfile.TemporaryDirectory() as tmp:
    f = os.path.join(tmp, "lost.csv")
    open(f, "w", encoding="utf-8").write("applicant,city,applicant_kind,applicant.key_industry_chain,claimed.YT24-07-self-eval-support,type,date,level,route,count,trained_by\n"
                                         "丁企业,烟台,企业,是,30000,skill_level,2025-05-20,技师,企业自主评价,30,own_enterprise\n")
    p = run(["--today", "2026-01-15", "budget", f])
    r = json.loads(p.stdout)
    expect("budget: a claimed amount for a measure that lost 就高 names the item that pays instead",
           p.returncode == 2 and r["errors"] and "YT24-11-technician-upgrade-subsidy" in r["errors"][0]["error"]["zh"]
           and "就高不重复" in r["errors"][0]["error"]["en"], r.get("errors"))

# A pooled claim in JSONL whose event gives no date: its pool's year is not known (威海 8. 当年度): an error, not the
# run's year.
claim = json.dumps({"id": "甲", "situation": {"city": "weihai", "applicant": {"kind": "enterprise"}, "events": [
    {"id": "a", "type": "skill_level", "level": "technician", "route": "enterprise_self_evaluation", "count": 10}]}}, ensure_ascii=False)
r = json.loads(run(["--today", "2025-12-31", "budget", "-"], (claim + "\n").encode()).stdout)
expect("budget JSONL: a pooled event without a date is missing_fact at its date, the settlement incomplete",
       r["errors"] and r["errors"][0]["error"]["code"] == "missing_fact" and r["errors"][0]["error"]["path"].endswith("/events/0/date")
       and r["summary"]["complete"] is False and r["pools"] == [], r.get("errors"))

# A file cut short: its last line has no line break and fewer cells than the header (a place of 12 cut to 1 would pay
# 50,000). That row is an error naming its line, in eval --csv and in budget; the same line complete is read.
with tempfile.TemporaryDirectory() as tmp:
    head = "applicant,city,applicant_kind,type,date,tier,rank,contest\r\n张伟,weihai,person,competition,2025-07-01,national_class1,3,cnc-2025\r\n"
    cut = os.path.join(tmp, "cut.csv")
    open(cut, "w", encoding="utf-8", newline="").write(head + "王五,weihai,person,competition,2025-07-01,national_class1,1")
    whole = os.path.join(tmp, "whole.csv")
    open(whole, "w", encoding="utf-8", newline="").write(head + "王五,weihai,person,competition,2025-07-01,national_class1,12,cnc-2025")
    p = run(["--today", "2026-12-01", "eval", "--csv", cut])
    rows = rows_of(p.stdout)
    wang = [r for r in rows if r["applicant"] == "王五"]
    expect("a cut last line is an error row naming line 3, and pays nothing", p.returncode == 2 and len(wang) == 1
           and wang[0]["status"] == "error" and "截断" in wang[0]["note"] and ":3:" in wang[0]["note"], wang)
    expect("the rows before it are answered", any(r["applicant"] == "张伟" and r["clause_id"] == "WH25-09-national-cat1" for r in rows))
    p = run(["--today", "2026-12-01", "budget", "--format", "csv", cut])
    expect("budget refuses the cut last line too, naming line 3", p.returncode == 2 and "截断" in p.stdout.decode("utf-8-sig")
           and "line 3 rank" in p.stdout.decode("utf-8-sig"), p.stdout.decode("utf-8-sig")[-600:])
    p = run(["--today", "2026-12-01", "eval", "--csv", whole])
    wang = [r for r in rows_of(p.stdout) if r["applicant"] == "王五"]
    expect("the same last line whole (no line break, every cell) is read: 12th place, nothing from WH25 9.", p.returncode == 0
           and wang and not any(r["clause_id"] == "WH25-09-national-cat1" and r["status"] == "granted" for r in wang), wang)

# A row of only unseen spaces (an ideographic space pasted into the first cell) is a blank line in the count, as the
# rows' reader takes it: it was counted as a row that then appeared nowhere, neither answered nor an error.
with tempfile.TemporaryDirectory() as tmp:
    f = os.path.join(tmp, "spaces.csv")
    open(f, "w", encoding="utf-8", newline="").write("applicant,city,applicant_kind,type,date,tier,rank,contest\r\n"
        "张伟,weihai,person,competition,2025-07-01,national_class1,3,cnc-2025\r\n\u3000,,,,,,,\r\n"
        "王五,weihai,person,competition,2025-07-01,national_class1,12,cnc-2025\r\n")
    loud = cli_runner(cli, TODAY, timeout=120)
    p = loud(["--today", "2026-12-01", "eval", "--csv", f])
    expect("a row of unseen spaces is counted among the blank lines: 2 rows, 1 blank line",
           p.returncode == 0 and "2 rows (1 blank lines skipped)" in p.stderr.decode(), p.stderr.decode())

# IDs that Excel turned into 3.70102E+17: two people would be one applicant (one's 5,000 excluded by the other's
# prize); each such row is an error naming the applicant cell, the other rows are answered.
with tempfile.TemporaryDirectory() as tmp:
    f = os.path.join(tmp, "sci.csv")
    open(f, "w", encoding="utf-8", newline="").write("applicant,city,applicant_kind,type,date,tier,rank,contest\r\n"
        "3.70102E+17,weihai,person,competition,2025-07-01,national_class1,1,数控铣\r\n"
        "3.70102E+17,weihai,person,competition,2025-07-01,provincial_class1,1,数控铣\r\n"
        "370102199001011234,weihai,person,competition,2025-07-01,national_class1,3,cnc-2025\r\n"
        "2025E0001,weihai,person,competition,2025-07-01,national_class1,3,cnc-2025\r\n")
    p = run(["--today", "2026-12-01", "eval", "--csv", f])
    rows = rows_of(p.stdout)
    sci = [r for r in rows if r["applicant"].startswith("3.70102")]
    expect("an applicant in exponent form is an error on each of its rows", p.returncode == 2 and len(sci) == 2
           and all(r["status"] == "error" and "科学计数法" in r["note"] for r in sci), sci)
    expect("an ID written out in full is read", any(r["applicant"] == "370102199001011234" and r["status"] == "granted" for r in rows))
    expect("a bureau's own number with an E in it (2025E0001) is read", any(r["applicant"] == "2025E0001" and r["status"] == "granted" for r in rows))

# An .xlsx given to budget or eval --jsonl is refused once (it was one invalid_json error per run of the zip's bytes,
# and "9 claims"); a claims CSV named .CSV (as Windows writes it) is read as a CSV by budget.
with tempfile.TemporaryDirectory() as tmp:
    x = os.path.join(tmp, "claims.xlsx")
    open(x, "wb").write(b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml\x00\x00\nPK\x01\x02\x00\n\x00\x00\n")
    for cmd in (["budget", x], ["eval", "--jsonl", x]):
        p = run(cmd)
        out = p.stdout.decode().strip().splitlines()
        expect("%s: an Excel workbook is refused once, saying so" % " ".join(cmd[:-1]), p.returncode == 2 and len(out) == 1
               and "Excel" in out[0] and json.loads(out[0])["ok"] is False, out)
    up = os.path.join(tmp, "CLAIMS.CSV")
    open(up, "w", encoding="utf-8", newline="").write("applicant,city,applicant_kind,type,date,level,route,count\r\n"
        "甲公司,weihai,enterprise,skill_level,2025-09-01,technician,enterprise_self_evaluation,2\r\n")
    p = run(["--today", "2025-12-31", "budget", up])
    r = json.loads(p.stdout)
    expect("budget reads CLAIMS.CSV as a CSV", p.returncode == 0 and r["summary"]["errors"] == 0 and r["summary"]["claims"] == 1, r.get("summary"))

# A title row above the header is refused saying so (it read "unknown columns: 2025年度…汇总表"); the short Chinese
# headers a clerk types (竞赛项目, 称号) are read.
with tempfile.TemporaryDirectory() as tmp:
    f = os.path.join(tmp, "title.csv")
    open(f, "w", encoding="utf-8", newline="").write("2025年度威海市技能人才补贴申报汇总表,,,,,,,\r\n"
        "applicant,city,applicant_kind,type,date,tier,rank,contest\r\n张伟,weihai,person,competition,2025-07-01,national_class1,3,cnc\r\n")
    p = run(["eval", "--csv", f])
    expect("a title row above the header is refused, naming it as a title", p.returncode == 2 and "标题" in p.stderr.decode()
           and "title" in p.stderr.decode(), p.stderr.decode())
    f = os.path.join(tmp, "short.csv")
    open(f, "w", encoding="utf-8", newline="").write("申请人,城市,申请人类型,事件类型,日期,tier,rank,竞赛项目\r\n"
        "张伟,weihai,person,competition,2025-07-01,national_class1,3,cnc\r\n")
    p = run(["eval", "--csv", f])
    expect("竞赛项目 is the contest column", p.returncode == 0 and any(r["clause_id"] == "WH25-09-national-cat1" for r in rows_of(p.stdout)), p.stderr.decode())
    open(f, "w", encoding="utf-8", newline="").write("申请人,城市,申请人类型,事件类型,日期,称号\r\n李四,weihai,person,title,2025-07-01,威海工匠\r\n")
    p = run(["eval", "--csv", f])
    expect("称号 is the title column", p.returncode == 0 and any(r["clause_id"].startswith("WH25-10") for r in rows_of(p.stdout)), p.stderr.decode())

# The last line with no line break and every cell: read, but warned about, naming its last cell (a rank of 12 cut to
# 1 at the end of the file has every cell).
with tempfile.TemporaryDirectory() as tmp:
    f = os.path.join(tmp, "cut-last-cell.csv")
    open(f, "w", encoding="utf-8", newline="").write("applicant,city,applicant_kind,type,date,tier,rank\r\n"
        "张伟,weihai,person,competition,2025-07-01,national_class1,3\r\n王五,weihai,person,competition,2025-07-01,national_class1,1")
    loud = cli_runner(cli, TODAY, timeout=120)
    for cmd in (["eval", "--csv"], ["budget"]):
        p = loud(["--today", "2026-12-01"] + cmd + [f])
        expect("%s: a last line with no line break is warned about, its last cell quoted" % " ".join(cmd),
               ":3: 警告：文件的最后一行没有换行结束" in p.stderr.decode() and "“1”" in p.stderr.decode(), p.stderr.decode())
    open(f, "w", encoding="utf-8", newline="").write("applicant,city,applicant_kind,type,date,tier,rank\r\n"
        "张伟,weihai,person,competition,2025-07-01,national_class1,3\r\n")
    p = loud(["--today", "2026-12-01", "eval", "--csv", f])
    expect("a file ending with a line break has no such warning", "换行结束" not in p.stderr.decode(), p.stderr.decode())

# A JSONL file whose lines end with CR alone reads as one line: refused once, saying so (it was one invalid_json for
# all its situations); a lone CR at the end of a one-line file, and CRLF, are read.
with tempfile.TemporaryDirectory() as tmp:
    sit = '{"city":"weihai","applicant":{"kind":"person"},"events":[]}'
    f = os.path.join(tmp, "cr.jsonl")
    open(f, "w", encoding="utf-8", newline="").write(sit + "\r" + sit + "\r" + sit + "\r")
    for cmd in (["eval", "--jsonl", f], ["budget", f]):
        p = run(cmd)
        out = p.stdout.decode().strip().splitlines()
        expect("%s: CR-only line ends are refused once, saying so" % cmd[0], p.returncode == 2 and len(out) == 1 and "CR" in out[0], out)
    open(f, "w", encoding="utf-8", newline="").write(sit + "\r\n" + sit + "\r\n")
    p = run(["eval", "--jsonl", f])
    expect("CRLF line ends are read", p.returncode == 0 and len(p.stdout.decode().strip().splitlines()) == 2, p.stdout.decode()[:200])

checks.finish()
