#include "money.hpp"

#include <catch2/catch.hpp>

using namespace skillcalc;

TEST_CASE("yuan are written as a Chinese reader expects", "[money]") {
  CHECK(yuan_zh(30000) == "3万元");
  CHECK(yuan_zh(108000) == "10.8万元");
  CHECK(yuan_zh(12500) == "1.25万元");
  CHECK(yuan_zh(5000) == "5000元");
  CHECK(yuan_zh(1000000) == "100万元");
  CHECK(yuan_zh(10050) == "10050元");
  CHECK(yuan_en(200000) == "200,000 yuan");
  CHECK(yuan_en(500) == "500 yuan");
}

TEST_CASE("figures are read from Chinese policy text", "[money]") {
  auto f = figures_in("分别给予 5 万元、3 万元、2 万元、1 万元、5000 元奖励");
  CHECK(f.yuan.count(50000));
  CHECK(f.yuan.count(30000));
  CHECK(f.yuan.count(5000));
  CHECK_FALSE(f.yuan.count(500000));

  auto g = figures_in("每人每年１．２万元、６０００元标准");  // full-width digits
  CHECK(g.yuan.count(12000));
  CHECK(g.yuan.count(6000));

  auto h = figures_in("给予最高10.8万元生活补贴和26万元购房补贴");
  CHECK(h.yuan.count(108000));
  CHECK(h.yuan.count(260000));

  auto r = figures_in("按照每人每年4000－\n\n6000元标准");  // a range broken over lines
  CHECK(r.yuan.count(4000));
  CHECK(r.yuan.count(6000));

  auto w = figures_in("3—5万元");  // the first number of a range takes the 万 of the second
  CHECK(w.yuan.count(30000));
  CHECK(w.yuan.count(50000));

  auto c = figures_in("一次性奖励十万元，五千元");
  CHECK(c.yuan.count(100000));
  CHECK(c.yuan.count(5000));

  auto p = figures_in("按其年薪的30%给予奖励");
  CHECK(p.percent.count(30));
  CHECK_FALSE(p.percent.count(3));
}

TEST_CASE("squeeze drops white space and makes full-width digits ASCII", "[money]") {
  CHECK(squeeze("高级工2000\n\n元/人") == "高级工2000元/人");
  CHECK(squeeze("２０００ 元") == "2000元");
}
