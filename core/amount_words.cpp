#include "amount_words.hpp"

namespace skillcalc {

// The amount of one head and period: "1000元", "最高2万元", "5万元的10%，即5000元（每人最高…）".
void unit_zh(TextBuf& o, const Amount& a, const Item& it) {
  switch (a.kind) {
    case Amount::Kind::Fixed:
      return put(o, YuanZh{a.yuan});
    case Amount::Kind::Range:
      return cat(o, YuanZh{a.min_yuan}, "至", YuanZh{a.max_yuan});
    case Amount::Kind::UpTo:
      return cat(o, "最高", YuanZh{a.max_yuan});
    case Amount::Kind::Floor:
      return cat(o, "不低于", YuanZh{a.min_yuan});
    case Amount::Kind::Percent:
      cat(o, YuanZh{it.base}, "的", Int{a.percent}, "%，即");
      if (it.percent_fen % 100 == 0) put(o, YuanZh{it.percent_fen / 100});
      if (it.percent_fen % 100)
        cat(o, Int{it.percent_fen / 100}, ".", Int{it.percent_fen % 100 / 10}, Int{it.percent_fen % 10}, "元");
      if (it.percent_capped)
        cat(o, "，超过每人最高", YuanZh{a.max_yuan}, "，按", YuanZh{a.max_yuan}, "计");
      else if (it.percent_fen % 100)
        cat(o, "（按元计", YuanZh{it.unit_max}, "，不足1元的部分以实际核定为准）");
      return;
    case Amount::Kind::Unstated:
      return put(o, "资金（原文未写明金额）");
    case Amount::Kind::None:
      return;
  }
}

void unit_en(TextBuf& o, const Amount& a, const Item& it) {
  switch (a.kind) {
    case Amount::Kind::Fixed:
      return put(o, YuanEn{a.yuan});
    case Amount::Kind::Range:
      return cat(o, YuanEn{a.min_yuan}, " to ", YuanEn{a.max_yuan});
    case Amount::Kind::UpTo:
      return cat(o, "up to ", YuanEn{a.max_yuan});
    case Amount::Kind::Floor:
      return cat(o, "at least ", YuanEn{a.min_yuan});
    case Amount::Kind::Percent:
      cat(o, Int{a.percent}, "% of ", YuanEn{it.base}, ", that is ");
      if (it.percent_fen % 100 == 0) put(o, YuanEn{it.percent_fen / 100});
      if (it.percent_fen % 100)
        cat(o, Int{it.percent_fen / 100}, ".", Int{it.percent_fen % 100 / 10}, Int{it.percent_fen % 10}, " yuan");
      if (it.percent_capped)
        cat(o, ", above the most of ", YuanEn{a.max_yuan}, " each, so ", YuanEn{a.max_yuan});
      else if (it.percent_fen % 100)
        cat(o, " (counted as ", YuanEn{it.unit_max}, "; the part below one yuan is as assessed)");
      return;
    case Amount::Kind::Unstated:
      return put(o, "money (the text names no amount)");
    case Amount::Kind::None:
      return;
  }
}

}  // namespace skillcalc
