#include "day.hpp"

#include <catch2/catch.hpp>

using namespace skillcalc;

TEST_CASE("real days parse to yyyymmdd and impossible ones to 0", "[day]") {
  CHECK(parse_day("2025-05-01") == 20250501);
  CHECK(parse_day("2024-02-29") == 20240229);  // leap year
  CHECK(parse_day("2025-02-29") == 0);
  CHECK(parse_day("1900-02-29") == 0);  // not a leap year
  CHECK(parse_day("2000-02-29") == 20000229);
  CHECK(parse_day("2025-04-31") == 0);
  CHECK(parse_day("2025-13-01") == 0);
  CHECK(parse_day("2025-00-10") == 0);
  CHECK(parse_day("2025/06/01") == 0);
  CHECK(parse_day("2025-6-1") == 0);
  CHECK(parse_day("") == 0);
  CHECK(parse_day("2025-06-01T00:00") == 0);
  CHECK(parse_day("1899-12-31") == 0);
}

TEST_CASE("days are written in ISO, Chinese and English", "[day]") {
  CHECK(day_iso(20250501) == "2025-05-01");
  CHECK(day_iso(19000101) == "1900-01-01");
  CHECK(day_iso(22001231) == "2200-12-31");
  CHECK(day_iso(9991231) == "0999-12-31");  // a year of three digits, padded as before
  CHECK(day_iso(0) == "0000-00-00");
  CHECK(day_zh(20250701) == "2025年7月1日");
  CHECK(day_en(20250701) == "1 July 2025");
}
