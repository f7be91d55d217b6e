#!/usr/bin/env python3
"""Writes the fault folders of tests/broken-rules/: each a complete small rules folder (a minimal vocabulary.json and
one document folder t-2025/ with rules.json and source.txt; two documents where the fault needs two) with exactly one
fault, and an EXPECT file naming the problem code, file and JSON path `skillcalc check` must report.

  make_faults.py [OUT]           (re)writes the fault folders into OUT (default: this folder)
  make_faults.py --clean OUT     writes only the fault-free base, to show that it passes: skillcalc check OUT/clean
"""
import copy, json, os, shutil, sys
if len(sys.argv) > 1 and sys.argv[1] == "--clean":
    out, clean = sys.argv[2], True
else:
    out, clean = (sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))), False
vocab = {
  "cities": {"weihai": {"zh": "威海", "en": "Weihai"}},
  "applicant_kinds": {"person": {"zh": "个人", "en": "Individual"}, "enterprise": {"zh": "企业", "en": "Enterprise"}},
  "payers": {"city_finance": {"zh": "市级财政", "en": "city finance"}, "county_finance": {"zh": "县级财政", "en": "county finance"},
             "not_stated": {"zh": "原文未写明", "en": "not stated in the text"}},
  "applicant_fields": {},
  "event_types": {
    "competition": {"zh": "职业技能竞赛获奖", "en": "Skills competition result", "fields": {"tier": "tier", "rank": "rank", "contest": "contest"}, "required": ["tier"]},
    "skill_level": {"zh": "取得职业技能等级", "en": "Skill level obtained", "fields": {"level": "level", "count": "count"}, "required": ["level"]},
    "hire": {"zh": "引进人才", "en": "Hire", "fields": {"count": "count", "annual_salary_yuan": "yuan"}, "required": []}},
  "fields": {
    "rank": {"type": "int", "min": 1, "max": 10000, "zh": "名次", "en": "Rank"},
    "count": {"type": "int", "min": 1, "max": 1000000, "zh": "人数", "en": "Number of people"},
    "yuan": {"type": "int", "min": 0, "max": 100000000000, "zh": "金额（元）", "en": "Amount (yuan)"},
    "contest": {"type": "text", "max_length": 100, "zh": "竞赛项目", "en": "Contest project"},
    "tier": {"type": "enum", "values": ["city_contest", "provincial_class1"], "zh": "竞赛级别", "en": "Contest tier"},
    "level": {"type": "enum", "values": ["technician"], "zh": "职业技能等级", "en": "Skill level"}},
  "values": {"city_contest": {"zh": "市级竞赛", "en": "city contest"}, "provincial_class1": {"zh": "省级一类竞赛", "en": "provincial Class-I contest"},
             "technician": {"zh": "技师", "en": "technician"}}}
source = """测试文件（不是真实的政策）

一、市赛第一名奖励3000元，省赛前三名最高奖励2万元，同一项目就高不重复。

二、企业每培养1名技师补贴1000元，每家企业每年不超过1万元。

三、企业引进人才的，按其年薪的100%每月给予补贴。

本办法自2025年1月1日起施行，有效期至2025年12月31日。
"""
def measure(id, clause, quote, event, when, amount, applicants=("person",), recipient="person", per_head=False):
    m = {"id": id, "clause": clause, "kind": "money_per_head" if per_head else "money_one_time", "quote": quote,
         "applicants": list(applicants), "recipient": recipient, "event": event, "when": when, "amount": amount,
         "schedule": {"kind": "once"}, "payers": [{"who": "city_finance", "share": "1"}],
         "what": {"zh": "做了某事", "en": "did something"}, "needs": {"zh": "做某事", "en": "something done"}, "supersedes": []}
    if per_head: m["per_head"] = True
    return m
base = {
  "document": {"id": "T25", "city": "weihai", "number": "测试〔2025〕1号", "title": "测试文件", "issuer": "测试机关",
               "dated": "2024-12-20", "period": {"from": "2025-01-01", "to": "2025-12-31"},
               "period_quote": "本办法自2025年1月1日起施行，有效期至2025年12月31日",
               "clause_label": {"zh": "第{c}条", "en": "clause {c}"}},
  "measures": [
    measure("T25-1-city", "一", "市赛第一名奖励3000元", "competition", {"event.tier": "city_contest", "event.rank": 1}, {"kind": "fixed", "yuan": 3000}),
    measure("T25-1-prov", "一", "省赛前三名最高奖励2万元", "competition", {"event.tier": "provincial_class1", "event.rank": {"max": 3}}, {"kind": "up_to", "max_yuan": 20000}),
    measure("T25-2-technician", "二", "企业每培养1名技师补贴1000元", "skill_level", {"event.level": "technician"}, {"kind": "fixed", "yuan": 1000},
            applicants=("enterprise",), recipient="enterprise", per_head=True)],
  "stacking": [{"id": "T25-1-highest", "clause": "一", "quote": "同一项目就高不重复", "rule": "highest", "measures": ["T25-1-*"], "key": "achievement"}],
  "caps": [{"id": "T25-2-cap", "clause": "二", "quote": "每家企业每年不超过1万元", "measures": ["T25-2-technician"], "max_yuan": 10000, "per": "applicant_year"}],
  "target_only": []}

def write(name, expect, change=None, about="", extra=None, raw=None, doc="t-2025"):
    d = os.path.join(out, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(os.path.join(d, doc))
    json.dump(vocab, open(os.path.join(d, "vocabulary.json"), "w"), ensure_ascii=False, indent=1)
    r = copy.deepcopy(base)
    if change: change(r)
    text = raw if raw is not None else json.dumps(r, ensure_ascii=False, indent=1) + "\n"
    open(os.path.join(d, doc, "rules.json"), "w").write(text)
    open(os.path.join(d, doc, "source.txt"), "w").write(source)
    if extra: extra(d)
    if expect is not None:
        open(os.path.join(d, "EXPECT"), "w").write("# %s\n%s\n" % (about, "\n".join(expect)))

F = "t-2025/rules.json"
if clean:
    write("clean", None)
    sys.exit()
def s(path, value):
    def f(r):
        o = r
        for k in path[:-1]: o = o[k]
        o[path[-1]] = value
    return f
def rm(path):
    def f(r):
        o = r
        for k in path[:-1]: o = o[k]
        del o[path[-1]]
    return f
def both(*fs):
    def f(r):
        for x in fs: x(r)
    return f

write("unknown-event-type", ["unknown_id", F, "/measures/0/event"], s(["measures", 0, "event"], "teleport"),
      "a measure triggered by an event type the vocabulary does not know")
write("unknown-enum-value", ["unknown_id", F, "/measures/0/when/event.tier"], s(["measures", 0, "when", "event.tier"], "galactic"),
      "a condition on an enumerated field with a value the field does not have")
write("unknown-payer", ["unknown_id", F, "/measures/0/payers/0/who"], s(["measures", 0, "payers", 0, "who"], "santa"),
      "a payer id the vocabulary does not know")
write("unknown-city", ["unknown_id", F, "/document/city"], s(["document", "city"], "atlantis"),
      "a document of a city the vocabulary does not know")
write("unknown-applicant-kind", ["unknown_id", F, "/measures/0/applicants"], s(["measures", 0, "applicants"], ["alien"]),
      "an applicant kind the vocabulary does not know")
write("unknown-field", ["unknown_field", F, "/measures/0/when/event.colour"], s(["measures", 0, "when", "event.colour"], "red"),
      "a condition on a field the event type does not have")
write("unknown-key", ["unknown_key", F, "/measures/0/amonut"], s(["measures", 0, "amonut"], {"kind": "fixed", "yuan": 3000}),
      "a misspelt measure key is refused rather than ignored")
write("missing-quote", ["missing_quote", F, "/measures/0/quote"], rm(["measures", 0, "quote"]),
      "a measure without the verbatim quote that grants it")
write("empty-quote", ["missing_quote", F, "/measures/0/quote"], s(["measures", 0, "quote"], " \u3000 "),
      "a quote of white space only")
write("amount-not-in-quote", ["amount_not_in_quote", F, "/measures/0"], s(["measures", 0, "amount", "yuan"], 30000),
      "an amount (30000) that its quote (3000元) does not state")
write("option-amount-not-in-quote", ["amount_not_in_quote", F, "/measures/1"],
      both(rm(["measures", 1, "amount"]), s(["measures", 1, "options"], [
          {"when": {"event.rank": 1}, "amount": {"kind": "fixed", "yuan": 20000}, "label": {"zh": "第1名", "en": "1st"}},
          {"when": {"event.rank": 2}, "amount": {"kind": "fixed", "yuan": 15000}, "label": {"zh": "第2名", "en": "2nd"}}])),
      "an option's amount (15000) that the quote does not state")
write("cap-not-in-quote", ["amount_not_in_quote", F, "/caps/0/max_yuan"], s(["caps", 0, "max_yuan"], 20000),
      "a cap (20000) that its quote (1万元) does not state")
write("quote-not-in-source", ["quote_not_in_source", F, "/measures/0/quote"],
      both(s(["measures", 0, "quote"], "市赛第一名奖励5000元"), s(["measures", 0, "amount", "yuan"], 5000)),
      "a quote (and amount) that the policy text does not contain")
def second_copy(d):
    r = copy.deepcopy(base)
    r["document"]["id"] = "T25B"
    r["document"]["period"]["from"] = "2025-06-01"
    for m in r["measures"]: m["id"] = m["id"].replace("T25-", "T25B-")
    r["stacking"][0]["id"] = "T25B-1-highest"; r["stacking"][0]["measures"] = ["T25B-1-*"]
    r["caps"][0]["id"] = "T25B-2-cap"; r["caps"][0]["measures"] = ["T25B-2-technician"]
    r["document"]["period_quote"] = "本办法自2025年1月1日起施行"
    os.makedirs(os.path.join(d, "z-2025-again"))
    open(os.path.join(d, "z-2025-again", "rules.json"), "w").write(json.dumps(r, ensure_ascii=False, indent=1) + "\n")
    open(os.path.join(d, "z-2025-again", "source.txt"), "w").write(source)
write("same-document-twice", ["overlapping_period", "z-2025-again/rules.json", "/document/period"], None,
      "one document (the same number, 测试〔2025〕1号) encoded in two rule files under two ids, with overlapping periods "
      "(2025-01-01..12-31 and 2025-06-01..12-31): each event of June to December would be paid twice", extra=second_copy)
def same_id(d):
    r = copy.deepcopy(base)
    for m in r["measures"]: m["id"] = m["id"].replace("T25-", "T25X-")
    r["stacking"][0]["id"] = "T25X-1-highest"; r["stacking"][0]["measures"] = ["T25X-1-*"]
    r["caps"][0]["id"] = "T25X-2-cap"; r["caps"][0]["measures"] = ["T25X-2-technician"]
    r["document"]["number"] = "测试〔2025〕2号"
    os.makedirs(os.path.join(d, "z-2025-same-id"))
    open(os.path.join(d, "z-2025-same-id", "rules.json"), "w").write(json.dumps(r, ensure_ascii=False, indent=1) + "\n")
    open(os.path.join(d, "z-2025-same-id", "source.txt"), "w").write(source)
write("same-document-id-twice", ["overlapping_period", "z-2025-same-id/rules.json", "/document/period"], None,
      "two rule files with the same document id (T25) and overlapping periods", extra=same_id)
write("reversed-period", ["bad_period", F, "/document/period"], s(["document", "period", "to"], "2024-12-31"),
      "a period that ends before it begins")
write("impossible-date", ["bad_date", F, "/document/dated"], s(["document", "dated"], "2025-02-29"),
      "a date that is not a real day")
write("supersedes-unknown", ["unknown_reference", F, "/measures"], s(["measures", 0, "supersedes"], ["T25-9-nothing"]),
      "supersedes names a measure that the (loaded) document does not have")
write("supersedes-cycle", ["cycle", F, "/measures/1/supersedes/0"],
      both(s(["measures", 0, "supersedes"], ["T25-1-prov"]), s(["measures", 1, "supersedes"], ["T25-1-city"])),
      "two measures that supersede each other")
write("supersedes-self", ["cycle", F, "/measures/0/supersedes/0"], s(["measures", 0, "supersedes"], ["T25-1-city"]),
      "a measure that supersedes itself")
write("supersedes-same-document", ["bad_supersession", F, "/measures"], s(["measures", 1, "supersedes"], ["T25-1-city"]),
      "a measure that supersedes a measure of its own document (only an older document's can be)")
write("stacking-unknown-reference", ["unknown_reference", F, "/stacking/0/measures"], s(["stacking", 0, "measures"], ["T25-9-*"]),
      "a stacking rule over measures that do not exist")
write("stacking-also-own-document", ["bad_reference", F, "/stacking/0/also"], s(["stacking", 0, "also"], ["T25-2-technician"]),
      "a stacking rule's 'also' naming a measure of its own document (it names other documents' measures)")
write("stacking-unknown-applicant", ["unknown_id", F, "/stacking/0/applicants"], s(["stacking", 0, "applicants"], ["persons"]),
      "a stacking rule limited to an applicant kind that does not exist")
write("stacking-also-unknown", ["unknown_reference", F, "/stacking/0/also"], s(["stacking", 0, "also"], ["T25-9-nothing"]),
      "a stacking rule's 'also' naming a measure that the (loaded) document does not have")
write("stacking-overlap", ["stacking_overlap", F, "/stacking/1/measures"],
      lambda r: r["stacking"].append({"id": "T25-1-highest-again", "clause": "一", "quote": "同一项目就高不重复", "rule": "highest",
                                      "measures": ["T25-1-prov", "T25-2-technician"], "key": "achievement"}),
      "a measure (T25-1-prov) in two stacking groups, which would chain into each other")
write("stacking-duplicate-id", ["duplicate_id", F, "/stacking/1/id"],
      lambda r: r["stacking"].append(dict(r["stacking"][0], measures=["T25-2-technician"])),
      "two stacking rules with the same id")
write("stacking-empty-quote", ["missing_quote", F, "/stacking/0/quote"], s(["stacking", 0, "quote"], ""),
      "a stacking rule with an empty quote, which any policy text would contain")
write("cap-unknown-reference", ["unknown_reference", F, "/caps/0/measures"], s(["caps", 0, "measures"], ["T25-2-nothing"]),
      "a cap over a measure that does not exist")
write("contradictory-caps", ["contradictory_cap", F, "/caps/1"],
      lambda r: r["caps"].append({"id": "T25-2-cap-b", "clause": "二", "quote": "企业每培养1名技师补贴1000元", "measures": ["T25-2-technician"],
                                  "max_yuan": 1000, "per": "applicant_year"}),
      "two caps of the same measure and span with different amounts (1万元 and 1000元)")
write("cap-below-amount", ["contradictory_cap", F, "/caps/0/max_yuan"],
      both(s(["caps", 0, "measures"], ["T25-1-city"]), s(["caps", 0, "max_yuan"], 1000), s(["caps", 0, "quote"], "企业每培养1名技师补贴1000元")),
      "a cap (1000元) below the fixed amount (3000元) that every item of its measure pays")
write("amount-overflow", ["amount_overflow", F, "/measures/2"],
      lambda r: r["measures"][2].update({"clause": "三", "kind": "money_percent", "quote": "按其年薪的100%每月给予补贴", "event": "hire", "when": {},
                                         "amount": {"kind": "percent", "percent": 100, "of": "event.annual_salary_yuan"},
                                         "schedule": {"kind": "monthly", "count": 600}}),
      "100% of a salary of up to 1000亿元, per head (up to 1,000,000), for 600 months: an item beyond 64 bits")
write("negative-per-head-field", ["bad_path", F, "/measures/2/per_head"],
      both(s(["vocabulary"], {"fields": {"delta": {"type": "int", "min": -100, "max": 100, "zh": "变化", "en": "Change"}},
                               "event_types": {"skill_level": {"fields": {"delta": "delta"}}}}),
           s(["measures", 2, "per_head"], "event.delta")),
      "heads read from a field that can be negative")
write("bad-share", ["bad_share", F, "/measures/2/payers"],
      s(["measures", 2, "payers"], [{"who": "city_finance", "share": "1/2"}, {"who": "county_finance", "share": "1/3"}]),
      "payers' shares that do not add up to 1")
write("duplicate-measure-id", ["duplicate_id", F, "/measures"], s(["measures", 1, "id"], "T25-1-city"),
      "two measures with the same id")
write("ambiguous-without-note", ["missing_note", F, "/measures/0/notes"], s(["measures", 0, "ambiguous"], True),
      "an ambiguous measure that does not explain the reading taken")
write("empty-range", ["empty_range", F, "/measures/1/when/event.rank"], s(["measures", 1, "when", "event.rank"], {"min": 5, "max": 1}),
      "a condition that can never hold")
write("too-many-kinds", ["too_many_kinds", "vocabulary.json", "/applicant_kinds"],
      s(["vocabulary"], {"applicant_kinds": {"k%02d" % i: {"zh": "类%d" % i, "en": "kind %d" % i} for i in range(31)}}),
      "a rule file that adds applicant kinds past the 32 a measure can name")
write("invalid-json", ["invalid_json", F, ""], raw=json.dumps(base, ensure_ascii=False, indent=1)[:700],
      about="a rule file cut short: not JSON")
# The claim file of a document (rules/FORMAT.md, "Claim files"): its quotes are checked like the measures'.
C = "t-2025/claim.json"
def claim(data):
    def f(d):
        json.dump(data, open(os.path.join(d, "t-2025", "claim.json"), "w"), ensure_ascii=False, indent=1)
        json.dump({"ask": {"zh": "请向{unit}咨询", "en": "Ask {unit}"}, "ask_no_unit": {"zh": "请咨询", "en": "Ask"},
                   "roles": {"issuer": {"zh": "发文单位", "en": "issuing body"}}},
                  open(os.path.join(d, "claim.json"), "w"), ensure_ascii=False, indent=1)
    return f
write("claim-quote-not-in-source", ["quote_not_in_source", C, "/handled_by/quote"],
      extra=claim({"handled_by": {"role": "issuer", "zh": "测试局", "en": "the test bureau", "quote": "（责任单位：测试局）"}}),
      about="a handling unit whose quote the policy text does not contain")
write("claim-unit-not-in-quote", ["unit_not_in_quote", C, "/handled_by/zh"],
      extra=claim({"handled_by": {"role": "issuer", "zh": "另一机关", "en": "another body", "quote": "测试文件"}}),
      about="a handling unit not written as in its own quote")
write("claim-unknown-clause", ["unknown_reference", C, "/clauses/九"],
      extra=claim({"handled_by": {"role": "issuer", "zh": "测试文件", "en": "the test text", "quote": "测试文件"},
                   "clauses": {"九": {"cadence": {"zh": "每年", "en": "yearly", "quote": "测试文件"}}}}),
      about="a claim part for a clause the document does not have")
write("missing-count", ["missing_count", F, "/measures/2/schedule"], s(["measures", 2, "schedule"], {"kind": "monthly"}),
      "a monthly payment that says neither how many months (count) nor that the text states no term (count: null)")
write("measure-id-outside-document", ["bad_id", F, "/measures/1/id"], s(["measures", 1, "id"], "T52-1-prov"),
      "a measure id that does not begin with its document's id (T25-)")
def cases_file(cases):
    def f(d):
        open(os.path.join(d, "t-2025", "cases.json"), "w").write(json.dumps(cases, ensure_ascii=False, indent=1) + "\n")
    return f
first_place = {"city": "weihai", "as_of": "2025-09-01", "applicant": {"kind": "person"},
               "events": [{"type": "competition", "date": "2025-06-01", "tier": "city_contest", "rank": 1}]}
write("case-fails", ["case_fails", "t-2025/cases.json", "/1"], None,
      "a golden case that does not hold: the text says 3000元 for a first place, the case expects 5000",
      extra=cases_file([{"name": "first place in the city contest pays 3000", "situation": first_place,
                         "expect": {"granted": {"T25-1-city": [3000, 3000]}}},
                        {"name": "first place in the city contest pays 5000", "situation": first_place,
                         "expect": {"granted": {"T25-1-city": [5000, 5000]}}}]))
write("case-unknown-expectation", ["bad_case", "t-2025/cases.json", "/0/expect/grantd"], None,
      "a case whose misspelt expectation would otherwise check nothing",
      extra=cases_file([{"name": "first place in the city contest pays 3000", "situation": first_place,
                         "expect": {"grantd": {"T25-1-city": [3000, 3000]}}}]))
write("case-unknown-clause", ["bad_case", "t-2025/cases.json", "/0/expect"], None,
      "a case that names a clause id no measure has, so that not_granted would hold of anything",
      extra=cases_file([{"name": "a second place pays nothing", "situation": first_place,
                         "expect": {"not_granted": ["T25-9-city"]}}]))
