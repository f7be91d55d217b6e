// skillcalc new CITY-YEAR [--text FILE] [--rules DIR]: lays out a new document's folder, so that `check` can list
// what is left to fill in (rules/FORMAT.md, "A new document").
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "authoring.hpp"

namespace fs = std::filesystem;
using ojson = nlohmann::ordered_json;

namespace {

bool valid_name(const std::string& name, std::string& city, std::string& year) {
  size_t dash = name.rfind('-');
  if (dash == std::string::npos || dash == 0 || name.size() - dash != 5) return false;
  city = name.substr(0, dash);
  year = name.substr(dash + 1);
  if (!std::islower(static_cast<unsigned char>(city[0]))) return false;
  for (char c : city)
    if (!std::islower(static_cast<unsigned char>(c)) && !std::isdigit(static_cast<unsigned char>(c)) && c != '_')
      return false;
  for (char c : year)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// The document id: the letters an earlier document of the city used (YT24 -> YT27), else the city's first two
// letters, and the year's last two digits. The city is known when vocabulary.json or a rule file names it.
std::string document_id(const std::string& dir, const std::string& city, const std::string& year, bool& known) {
  std::string letters;
  known = false;
  for (auto& f : files_in_folder(dir, "rules.json")) {
    auto j = nlohmann::json::parse(f.text, nullptr, false);
    if (!j.is_object()) continue;
    for (auto* v : {&j, j.contains("vocabulary") ? &j["vocabulary"] : nullptr})
      if (v && v->is_object() && v->contains("cities") && (*v)["cities"].is_object() && (*v)["cities"].contains(city))
        known = true;
    auto& d = j["document"];
    if (d.is_object() && d.value("city", "") == city && d.value("id", "").size() > 2) {
      std::string id = d.value("id", "");
      letters = id.substr(0, id.size() - 2);
    }
  }
  if (letters.empty())
    for (size_t i = 0; i < city.size() && letters.size() < 2; ++i)
      if (std::isalpha(static_cast<unsigned char>(city[i])))
        letters += static_cast<char>(std::toupper(static_cast<unsigned char>(city[i])));
  return letters + year.substr(2);
}

ojson text(const char* zh, const char* en) {
  return {{"zh", zh}, {"en", en}};
}

ojson measure(const std::string& id, const char* clause, const char* kind, const char* quote, const char* who) {
  ojson m;
  m["id"] = id;
  m["clause"] = clause;
  m["kind"] = kind;
  m["quote"] = quote;
  m["applicants"] = {who};
  m["recipient"] = who;
  return m;
}

// One measure of each kind, with the example figures in their example quotes: `check` then reports only the quotes
// that are not yet in source.txt, and an author replaces each with the real clause or deletes it.
ojson skeleton_measures(const std::string& d) {
  ojson ms = ojson::array();
  ojson m =
      measure(d + "-01-city-contest-first", "1", "money_one_time",
              "（从 source.txt 复制授予这笔钱的原句，例如：获得市级职业技能大赛第一名的，给予3000元奖励）", "person");
  m["event"] = "competition";
  m["when"] = {{"event.tier", "city_contest"}, {"event.rank", 1}};
  m["amount"] = {{"kind", "fixed"}, {"yuan", 3000}};
  m["schedule"] = {{"kind", "once"}};
  m["payers"] = ojson::array({{{"who", "city_finance"}, {"share", "1"}}});
  m["what"] = text("获得市级职业技能大赛第一名", "won first place in the city skills contest");
  m["needs"] = text("市级职业技能大赛第一名", "first place in the city skills contest");
  ms.push_back(m);
  m = measure(d + "-02-chief-technician", "2", "money_periodic",
              "（例如：首席技师管理期限为四年，管理期内每人每月享受市政府津贴1000元）", "person");
  m["event"] = "title";
  m["when"] = {{"event.title", "chief_technician_of_the_city"}};
  m["amount"] = {{"kind", "fixed"}, {"yuan", 1000}};
  m["schedule"] = {{"kind", "monthly"}, {"count", 48}};
  m["payers"] = ojson::array({{{"who", "city_finance"}, {"share", "1"}}});
  m["what"] = text("入选首席技师", "were selected as a chief technician");
  m["needs"] = text("入选首席技师", "selection as a chief technician");
  m["notes"] =
      ojson::array({text("管理期四年：每月1000元，共48个月。", "A four-year term: 1,000 a month for 48 months.")});
  ms.push_back(m);
  m = measure(d + "-03-enterprise-technicians", "3", "money_per_head",
              "（例如：企业职工取得技师职业技能等级证书的，按每人1000元给予企业补贴）", "enterprise");
  m["event"] = "skill_level";
  m["when"] = {{"event.level", "technician"}};
  m["amount"] = {{"kind", "fixed"}, {"yuan", 1000}};
  m["per_head"] = true;
  m["schedule"] = {{"kind", "once"}};
  m["payers"] =
      ojson::array({{{"who", "city_finance"}, {"share", "1/2"}}, {{"who", "county_finance"}, {"share", "1/2"}}});
  m["what"] = text("职工取得技师证书", "had employees certified as technicians");
  m["needs"] = text("职工取得技师证书", "employees certified as technicians");
  ms.push_back(m);
  m = measure(d + "-04-full-time-hire", "4", "money_percent",
              "（例如：全职引进高技能人才的，按其年薪的30%给予用人单位奖励，每人最高10万元）", "enterprise");
  m["event"] = "hire";
  m["when"] = {{"event.full_time", true}};
  m["amount"] = {{"kind", "percent"}, {"percent", 30}, {"of", "event.annual_salary_yuan"}, {"max_yuan", 100000}};
  m["schedule"] = {{"kind", "once"}};
  m["payers"] = ojson::array({{{"who", "city_finance"}, {"share", "1"}}});
  m["what"] = text("全职引进高技能人才", "hired a highly skilled person full time");
  m["needs"] = text("全职引进高技能人才", "a full-time hire of a highly skilled person");
  ms.push_back(m);
  m = measure(d + "-05-master-studio", "5", "money_upper_bound",
              "（例如：新获批市级技能大师工作室的，给予最高10万元资助）", "enterprise");
  m["applicants"] = {"enterprise", "school"};
  m["event"] = "platform";
  m["when"] = {{"event.platform", "city_master_studio"}};
  m["amount"] = {{"kind", "up_to"}, {"max_yuan", 100000}};
  m["schedule"] = {{"kind", "once"}};
  m["payers"] = ojson::array({{{"who", "not_stated"}, {"share", "1"}}});
  m["what"] = text("获批市级技能大师工作室", "had a city skills master studio approved");
  m["needs"] = text("获批市级技能大师工作室", "an approved city skills master studio");
  m["notes"] = ojson::array({text("原文未写明由谁支付。", "The text does not say who pays.")});
  ms.push_back(m);
  m = measure(d + "-06-education-fund-tax", "6", "tax_credit", "（例如：落实企业职工教育经费税前扣除政策）",
              "enterprise");
  m["amount"] = {{"kind", "none"}};
  m["schedule"] = {{"kind", "once"}};
  m["payers"] = ojson::array();
  m["what"] = text("作为企业", "are an enterprise");
  m["needs"] = text("企业", "an enterprise");
  m["benefit"] = text("职工教育经费按规定在税前扣除", "staff education funds are deducted before tax");
  ms.push_back(m);
  m = measure(d + "-07-title-review", "7", "non_monetary",
              "（例如：取得高级技师职业技能等级的，可参加相应系列专业技术职称评审）", "person");
  m["event"] = "skill_level";
  m["when"] = {{"event.level", "senior_technician"}};
  m["amount"] = {{"kind", "none"}};
  m["schedule"] = {{"kind", "once"}};
  m["payers"] = ojson::array();
  m["what"] = text("取得高级技师", "became a senior technician");
  m["needs"] = text("取得高级技师", "senior technician level");
  m["benefit"] = text("可参加专业技术职称评审", "may take part in professional title review");
  ms.push_back(m);
  return ms;
}

ojson skeleton(const std::string& city, const std::string& year, const std::string& id, bool city_known) {
  ojson r;
  std::string day = year + "-01-01";
  r["document"] = {{"id", id},
                   {"city", city},
                   {"number", "（文号，例如 某政办发〔" + year + "〕1号）"},
                   {"title", "（文件标题）"},
                   {"issuer", "（发文机关）"},
                   {"dated", day},
                   {"period", {{"from", day}, {"to", nullptr}}},
                   {"period_quote", "（规定施行日期的原句，例如 本措施自" + year + "年1月1日起施行）"},
                   {"clause_label", {{"zh", "第{c}条"}, {"en", "clause {c}"}}},
                   {"notes", ojson::array()}};
  ojson vocabulary;
  if (!city_known) vocabulary["cities"] = {{city, {{"zh", "（城市中文名）"}, {"en", city}}}};
  // The example's title is a new value of the city's own: how a rule file adds one (FORMAT.md).
  vocabulary["fields"] = {{"title", {{"add_values", {"chief_technician_of_the_city"}}}}};
  vocabulary["values"] = {
      {"chief_technician_of_the_city", {{"zh", "（本市）首席技师"}, {"en", "Chief technician of the city"}}}};
  r["vocabulary"] = vocabulary;
  r["measures"] = skeleton_measures(id);
  r["stacking"] = ojson::array();
  r["caps"] = ojson::array();
  r["target_only"] = ojson::array();
  return r;
}

bool write_file(const fs::path& p, const std::string& text) {
  std::ofstream f(p, std::ios::binary);
  f << text;
  return static_cast<bool>(f);
}

int refuse(const std::string& zh, const std::string& en) {
  std::fprintf(stderr, "skillcalc new: %s\nskillcalc new: %s\n", zh.c_str(), en.c_str());
  return 2;
}

}  // namespace

int run_new(const std::vector<std::string>& args, const std::string& rules_dir) {
  std::string name, text_path, dir = rules_dir.empty() ? "rules" : rules_dir;
  for (size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--text" && i + 1 < args.size())
      text_path = args[++i];
    else if (name.empty())
      name = args[i];
    else
      return refuse("多余的参数“" + args[i] + "”", "unexpected argument '" + args[i] + "'");
  }
  std::string city, year;
  if (!valid_name(name, city, year))
    return refuse("用法：skillcalc new 城市-年份 [--text 原文.txt] [--rules 文件夹]，城市用小写拼音，如 lanhai-2026",
                  "usage: skillcalc new CITY-YEAR [--text FILE] [--rules DIR], the city in lower-case pinyin, "
                  "e.g. lanhai-2026");
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return refuse("没有规则文件夹 " + dir + "（在仓库目录下运行，或用 --rules 指定）",
                  "no rules folder " + dir + " (run from the repository's folder, or give --rules DIR)");
  fs::path folder = fs::path(dir) / name;
  if (fs::exists(folder, ec))
    return refuse(folder.string() + " 已存在，不会覆盖", folder.string() + " already exists; nothing was changed");
  std::string source;
  if (!text_path.empty()) {
    std::ifstream f(text_path, std::ios::binary);
    if (!f) return refuse("无法读取 " + text_path, "cannot read " + text_path);
    std::ostringstream ss;
    ss << f.rdbuf();
    source = ss.str();
  }
  bool known = false;
  std::string id = document_id(dir, city, year, known);
  fs::create_directory(folder, ec);
  if (ec) return refuse("无法创建 " + folder.string(), "cannot create " + folder.string());
  if (!write_file(folder / "source.txt", source) ||
      !write_file(folder / "rules.json", skeleton(city, year, id, known).dump(2) + "\n") ||
      !write_file(folder / "cases.json", "[]\n"))
    return refuse("无法写入 " + folder.string(), "cannot write in " + folder.string());
  std::printf("%s/source.txt  %s\n%s/rules.json   %s\n%s/cases.json   %s\n", folder.string().c_str(),
              text_path.empty() ? "empty: paste the policy text here, exactly as published" : "the policy text",
              folder.string().c_str(), ("document " + id + ": one example measure of each kind to replace").c_str(),
              folder.string().c_str(), "no cases yet");
  std::printf("next: edit them, then run: skillcalc check %s\n", dir.c_str());
  return 0;
}
