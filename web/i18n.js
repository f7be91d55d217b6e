// UI text in Simplified Chinese (default) and English, and the formatting of money, dates and clauses.
// Questions, options and explanations come from the calculator's catalog and results, not from here.

const STR = {
  zh: {
    title: '技能人才补贴计算器',
    subtitle: '威海、烟台、济宁、日照的技能人才补贴、奖励和待遇',
    subtitle_city: '{city}的技能人才补贴、奖励和待遇',
    skip: '跳到主要内容',
    lang_switch: 'English',
    loading: '正在载入计算器…',
    load_failed: '计算器未能载入。请刷新页面；如果仍不行，请换用较新的浏览器。',
    step_city: '所在城市',
    step_kind: '您是',
    step_about: '基本情况',
    step_about_hint: '不清楚的可以不填。',
    step_events: '发生了什么',
    step_events_hint: '添加您取得的等级、竞赛成绩、称号、学徒培训、招聘、平台认定等。每件事都填上日期。',
    pick_city_first: '请先选择城市和身份。',
    pick_kind_first: '请先选择身份。',
    city_unknown: '本页面指定的城市“{city}”不在本计算器中（本计算器包括：{cities}）。请在下面选择城市。',
    draft_kept: '已更新到新版本，您填写的内容已保留。',
    add_event_label: '要添加的事项',
    add: '添加',
    remove: '删除',
    remove_event: '删除：{name}',
    event_n: '第{n}件：{name}',
    no_events: '还没有添加任何事项。',
    date_label: '日期',
    date_hint: '按“年-月-日”填写，例如 2025‑07‑15；不填则按计算日期',
    not_date: '请按“年-月-日”填写一个日期，例如 2025‑07‑15',
    no_such_day: '没有这一天：“{text}”，{y}年{m}月只有{last}天；请核对日期',
    no_such_month: '没有这一天：“{text}”，一年没有第{m}月；请核对日期',
    choose: '请选择',
    not_given: '（未填写）',
    what_choices_mean: '各选项是什么意思',
    yes: '是',
    no: '否',
    required: '必填',
    as_of: '按哪一天计算',
    as_of_hint: '按“年-月-日”填写，默认是今天。政策按事情发生的日期和计算日期判断是否适用。',
    more: '更多选项',
    calculate: '计算我能享受的待遇',
    recalc_needed: '情况已修改，请重新计算。',
    missing_field: '请填写：{what}',
    not_integer: '请输入整数',
    fix_errors: '请先改正以下问题：',
    result: '计算结果',
    total_certain: '确定可得',
    total_upto: '最多可得',
    total_sum: '合计',
    total_none: '按所填情况，没有可以计算金额的资金补贴。',
    total_nothing_certain: '没有确定的金额：各项原文只写了上限，实际金额由主管部门核定，可能为0，最多{max}。',
    total_missing: '金额还取决于尚未填写的信息：{facts}。填写后再计算，金额才能确定；在此之前这些项目按0起计。',
    total_planned: '计划中的事件（日期晚于测算日期）尚未发生，发生后另可得{range}，未计入合计。',
    total_basis: '所依据的文件及其有效期',
    total_unknown: '另有{n}项金额或期限原文未写明，未计入合计。',
    total_floor: '其中{n}项原文写“不低于”，按最低额计入合计，实际可能更多。',
    worth_at_least: '不低于{range}',
    entitlements: '可以享受的资金待遇',
    others_money: '因此发给他人的资金（不计入您的合计）',
    others_money_unit: '因此发给他人的资金（不计入本单位的合计）',
    others_receive: '{who}可得',
    non_monetary: '非资金待遇',
    not_counted: '未计入的项目',
    not_counted_hint: '以下项目因同一成就只发放一项（就高不重复、按最高成绩奖励或重复录入）、被新文件取代或不在政策期内，不再发放。',
    suggestions: '您还可能争取',
    suggestions_unit: '本单位还可能争取',
    notes: '说明与存疑之处',
    guidance: '本结果仅供参考，依据公开的政策文件计算；能否享受、金额多少，以当地人力资源和社会保障局等主管部门审核认定为准。',
    status_granted: '可享受',
    status_others: '发给他人',
    status_uncertain: '待补充信息',
    status_planned: '计划中',
    status_capped: '已按上限核减',
    status_excluded: '不重复享受',
    status_superseded: '已被新文件取代',
    status_outside_period: '不在政策期内',
    status_non_monetary: '非资金待遇',
    ambiguous: '原文有歧义',
    once: '一次性',
    monthly: '每月发放，共{n}个月',
    monthly_open: '每月发放，期限原文未写明',
    yearly: '每年发放，共{n}年',
    yearly_open: '每年发放，期限原文未写明',
    term: '{n}年期限内合计，分几次发放原文未写明',
    per_head: '每人{amount} × {n}人',
    per_unit: '每{unit}{amount} × {n}{unit}',
    amount_upto: '最高{amount}',
    amount_floor: '不低于{amount}',
    amount_range: '{min}至{max}',
    amount_unstated: '金额原文未写明',
    amount_percent: '{base}的{p}%',
    amount_percent_cap: '，最高{max}',
    total_unknown_item: '合计：无法确定',
    payers: '谁来支付',
    recipient: '发给',
    basis: '依据',
    about_event: '对应事项',
    quote: '查看政策原文',
    reason: '原因',
    excluded_by: '与{what}属同一成就，按原文只发放其中一项（就高不重复或按最高成绩奖励，见说明）。',
    excluded_same_title: '与{what}是同一称号：按一次计算，不重复发放（原文未写明再次获评的再次奖励）。',
    excluded_first_only: '原文为“首次”：{what}已是首次，本次不是首次，不予发放。',
    excluded_same_result: '与同一竞赛项目同一天的另一成绩重复（{what}）：按一次计算；重复录入或另一名次时，按较高的一项。',
    excluded_same_review: '与同一天的另一次年度考核重复（{what}）：按重复录入计，不重复发放。',
    excluded_review_of_earlier: '填写了考核结果：按此前所建同一平台的年度考核计算，建设补助（{what}）不重复发放。',
    superseded_by: '该日期以{what}为准。',
    capped_by: '原应得{before}，按上限{max}核减。',
    worth_per_person: '（每人）',
    worth_per_unit: '（每{unit}）',
    needs: '需要',
    print: '打印',
    share: '分享链接',
    share_hint: '链接里包含您填写的情况（在“#”之后，不会发送到任何服务器）。打开链接即可看到同样的结果。',
    share_copied: '链接已复制。',
    share_copy: '复制链接',
    share_link: '分享链接',
    save: '保存在本机',
    saved: '已保存在本机浏览器中。',
    forget: '删除保存的情况',
    forgotten: '已删除。',
    saved_found: '您之前在本机保存过一个情况。',
    load_saved: '载入',
    edit: '修改情况',
    new_calc: '重新开始',
    announce: '计算完成。{summary}',
    announce_items: '共{n}项待遇。',
    announce_others: '另有{n}项发给他人，不计入您的合计。',
    announce_others_unit: '另有{n}项发给他人，不计入本单位的合计。',
    error: '无法计算：{msg}',
    documents: '依据的政策文件',
    doc_period: '施行期：{from}起{to}',
    doc_to: '，至{to}',
    doc_no_end: '（原文未写有效期）',
    offline_ready: '已可离线使用。',
    privacy: '计算在您的设备上完成，填写的内容不会发送到任何地方，也不会保存，除非您点“保存在本机”。',
    privacy_sheet: '计算在您的设备上完成，表格不会上传或发送到任何地方，也不会保存。',
    privacy_kiosk: '计算在本机完成，填写的内容不会发送到任何地方。无人操作{idle}秒后显示{n}秒倒计时，倒计时结束即清除本页内容。',
    build_version: '页面版本 {v}',
    update_ready: '计算器有新版本（页面或政策规则已更新）。更新后会保留您已填写的内容。',
    update_ready_result: '计算器有新版本（页面或政策规则已更新）。更新后会按新版本重新计算您的结果。',
    update_now: '更新到新版本',
    large_mode: '大字模式',
    speak: '朗读结果',
    rules_version: '规则版本 {v}',
    printed: '打印时间 {d}',
    your_situation: '您填写的情况',
    other_cities: '其他城市',
    other_cities_hint: '同样的情况，按各城市自己的政策文件计算；某一文件特有的条件只在该城市适用。本市社保、从本市以外引进、由本市单位培养等关于所在城市的情况，在其他城市须重新确认，未确认前按0至该金额计算；本市的竞赛、称号和平台不计入其他城市。',
    compare_here: '（当前）',
    compare_total: '合计：{amount}',
    compare_items: '可获项目：{n} 项',
    compare_only: '您填写的第 {ids} 件事只有部分城市给钱，此城市是其中之一',
    compare_missing: '此城市还需要您补充：{fields}',
    compare_event_row: '第 {n} 件 · {name}',
    compare_caption: '同样的情况在各城市可得的钱（每列一个城市）',
    compare_what: '项目',
    compare_certain: '确定可得',
    compare_upto: '最多可得',
    compare_paying: '给钱的项目数',
    compare_other: '其他（不针对某件事）',
    compare_non_monetary: '非货币待遇',
    compare_only_row: '只有部分城市给钱的事',
    compare_only_cell: '第 {ids} 件',
    compare_asks_row: '还需补充',
    compare_not_counted: '不计入',
    compare_unstated: '另有 {n} 项原文未写金额',
    compare_planned: '{n} 项为计划',
    kind_label: '身份',
    city_label: '城市',
    kiosk_title: '还在使用吗？',
    kiosk_text: '为保护隐私，倒计时（{n}秒）结束时将清除本页所有内容。',
    kiosk_continue: '继续使用',
    kiosk_clear_now: '立即清除',
    event_fallback: '事项',
    recipient_person: '职工或学员本人',
    recipient_enterprise: '企业',
    recipient_school: '院校',
    recipient_training_base: '培训基地',
    recipient_other_unit: '承办单位或其他单位',
    recipient_team: '您所在的团队（您个人的份额未定）',
    recipient_team_unit: '获奖团队',
    not_in_total: '，不计入您的合计',
    not_in_total_unit: '，不计入本单位的合计',
    missing: '尚缺的信息',
    other_total: '另有{amount}由{who}领取，不计入上面的合计。',
    other_total_alone: '另有{amount}由{who}领取，不是您本人的钱。',
    other_total_alone_unit: '另有{amount}由{who}领取，不是本单位的钱。',
    list_sep: '、',
  },
  en: {
    title: 'Skill subsidy calculator',
    subtitle: 'Skill-talent subsidies, rewards and entitlements in Weihai, Yantai, Jining and Rizhao',
    subtitle_city: 'Skill-talent subsidies, rewards and entitlements in {city}',
    skip: 'Skip to main content',
    lang_switch: '中文',
    loading: 'Loading the calculator…',
    load_failed: 'The calculator could not be loaded. Please reload the page, or try a newer browser.',
    step_city: 'Your city',
    step_kind: 'You are',
    step_about: 'About you',
    step_about_hint: 'Leave out what you do not know.',
    step_events: 'What happened',
    step_events_hint: 'Add the skill levels, contest results, titles, apprenticeships, hires, approved platforms… with their dates.',
    pick_city_first: 'Choose your city and who you are first.',
    pick_kind_first: 'Choose who you are first.',
    city_unknown: 'The city "{city}" this page was given is not one this calculator covers ({cities}). Choose a city below.',
    draft_kept: 'Updated to the new version; what you entered is kept.',
    add_event_label: 'What to add',
    add: 'Add',
    remove: 'Remove',
    remove_event: 'Remove: {name}',
    event_n: 'No. {n}: {name}',
    no_events: 'Nothing added yet.',
    date_label: 'Date',
    date_hint: 'Year-month-day, e.g. 2025‑07‑15; empty means the calculation date',
    not_date: 'Enter a date as year-month-day, e.g. 2025‑07‑15',
    no_such_day: 'There is no such day: “{text}”, month {m} of {y} has {last} days; check the date',
    no_such_month: 'There is no such day: “{text}”, a year has no month {m}; check the date',
    choose: 'Choose',
    not_given: '(not given)',
    what_choices_mean: 'What the choices mean',
    yes: 'Yes',
    no: 'No',
    required: 'required',
    as_of: 'Calculate as of',
    as_of_hint: 'Year-month-day; today unless you change it. Whether a policy applies depends on the dates of events and of the calculation.',
    more: 'More options',
    calculate: 'Calculate my entitlements',
    recalc_needed: 'You changed your answers: calculate again.',
    missing_field: 'Please fill in: {what}',
    not_integer: 'Enter a whole number',
    fix_errors: 'Please correct these first:',
    result: 'Result',
    total_certain: 'Certain',
    total_upto: 'Up to',
    total_sum: 'Total',
    total_none: 'For what you entered there is no money subsidy whose amount can be worked out.',
    total_nothing_certain: 'No amount is certain: the texts give only ceilings and the bureau sets the actual amount, which may be 0 and is at most {max}.',
    total_missing: 'The amount still depends on what you have not filled in: {facts}. Fill it in and calculate again to make it certain; until then these items count from 0.',
    total_planned: 'Planned events (dated after the day asked about) have not happened; once they do they would bring {range} more, not in the total.',
    total_basis: 'The documents this rests on and how current they are',
    total_unknown: '{n} more item(s) with an amount or term the text does not state are not in the total.',
    total_floor: '{n} item(s) are set by the text as 不低于 (at least) a figure: the total counts that least, and the amount may be more.',
    worth_at_least: 'at least {range}',
    entitlements: 'Money you can claim',
    others_money: 'Money paid to others because of this (not in your total)',
    others_receive: 'for {who}: ',
    non_monetary: 'Entitlements without money',
    not_counted: 'Items not counted',
    not_counted_hint: 'These are not paid: one achievement is paid once (就高不重复, the best result, or an entry repeated), a newer document governs, or the date is outside the policy period.',
    suggestions: 'What you could still get',
    suggestions_unit: 'What your organisation could still get',
    notes: 'Notes and ambiguities',
    guidance: 'This result is guidance only, worked out from the published policy documents. Whether you qualify and how much you receive is decided by the city\u2019s human resources and social security bureau and the other departments in charge.',
    status_granted: 'Granted',
    status_others: 'Paid to others',
    status_uncertain: 'Needs more information',
    status_planned: 'Planned',
    status_capped: 'Reduced to a cap',
    status_excluded: 'Not paid twice',
    status_superseded: 'Replaced by a newer document',
    status_outside_period: 'Outside the policy period',
    status_non_monetary: 'Non-monetary',
    ambiguous: 'Text is ambiguous',
    once: 'once',
    monthly: 'per month, for {n} months',
    monthly_open: 'per month; the text states no term',
    yearly: 'per year, for {n} years',
    yearly_open: 'per year; the text states no term',
    term: 'in all within a {n}-year term; instalments not stated',
    per_head: '{amount} per person × {n}',
    per_unit: '{amount} per {unit} × {n}',
    amount_upto: 'up to {amount}',
    amount_floor: 'at least {amount}',
    amount_range: '{min} to {max}',
    amount_unstated: 'amount not stated in the text',
    amount_percent: '{p}% of {base}',
    amount_percent_cap: ', at most {max}',
    total_unknown_item: 'Total: cannot be worked out',
    payers: 'Who pays',
    recipient: 'Paid to',
    basis: 'Clause',
    about_event: 'For',
    quote: 'Show the original Chinese text',
    reason: 'Why',
    excluded_by: 'The same achievement as {what}: the text pays only one of them (就高不重复 or the best result; see the explanation).',
    excluded_same_title: 'The same title as {what}: counted once, not paid twice (the text does not say a second selection is rewarded again).',
    excluded_first_only: 'The text says "first": {what} was the first, so this one is not paid.',
    excluded_same_result: 'Another result of the same contest project on the same day ({what}): counted once; entered twice or another place, the higher is counted.',
    excluded_same_review: 'Another yearly review on the same day ({what}): taken as entered twice, not paid twice.',
    excluded_review_of_earlier: 'A review is stated: taken as the yearly review of the platform built earlier, whose construction grant ({what}) is not paid twice.',
    superseded_by: 'For this date {what} governs.',
    capped_by: 'Was {before}; reduced to the cap of {max}.',
    worth_per_person: ' (per person)',
    worth_per_unit: ' (per {unit})',
    needs: 'Needs',
    print: 'Print',
    share: 'Share link',
    share_hint: 'The link carries what you entered (after the “#”, never sent to any server). Opening it shows the same result.',
    share_copied: 'Link copied.',
    share_copy: 'Copy link',
    share_link: 'Share link',
    save: 'Save on this device',
    saved: 'Saved in this browser.',
    forget: 'Delete what was saved',
    forgotten: 'Deleted.',
    saved_found: 'You saved a situation on this device before.',
    load_saved: 'Load it',
    edit: 'Change my answers',
    new_calc: 'Start again',
    announce: 'Calculated. {summary}',
    announce_items: '{n} entitlement(s).',
    announce_others: ' {n} more paid to others, not in your total.',
    error: 'Cannot calculate: {msg}',
    documents: 'Policy documents used',
    doc_period: 'In force from {from}{to}',
    doc_to: ' to {to}',
    doc_no_end: ' (no end date stated)',
    offline_ready: 'Works offline now.',
    privacy: 'The calculation runs on your device. Nothing you enter is sent anywhere or kept, unless you choose “Save on this device”.',
    privacy_sheet: 'The calculation runs on your device. The spreadsheet is not uploaded, sent anywhere or kept.',
    privacy_kiosk: 'The calculation runs on this machine and nothing you enter is sent anywhere. After {idle} seconds without use a {n}-second countdown starts; when it ends, the page is cleared.',
    build_version: 'Page version {v}',
    update_ready: 'A new version of the calculator is ready (the page or the policy rules changed). Updating keeps what you have entered.',
    update_ready_result: 'A new version of the calculator is ready (the page or the policy rules changed). Updating recalculates your result with it.',
    update_now: 'Update to the new version',
    large_mode: 'Large text',
    speak: 'Read the result aloud',
    rules_version: 'Rules version {v}',
    printed: 'Printed {d}',
    your_situation: 'What you entered',
    other_cities: 'Other cities',
    other_cities_hint: "The same situation under each city's own documents; a condition of one document applies only in its city. Facts about your city (social insurance paid there, hired from outside it, trained by a unit there …) must be confirmed again for another city and count 0 to their amount until then; your city's own contests, titles and platforms do not count elsewhere.",
    compare_here: ' (this one)',
    compare_total: 'Total: {amount}',
    compare_items: 'Items that pay: {n}',
    compare_only: 'Only some cities pay for your event(s) {ids}, this one among them',
    compare_missing: 'This city still needs: {fields}',
    compare_event_row: 'Event {n} · {name}',
    compare_caption: 'What the same situation brings in each city (a column a city)',
    compare_what: 'Item',
    compare_certain: 'Certain',
    compare_upto: 'Up to',
    compare_paying: 'Items that pay',
    compare_other: 'Other (no particular event)',
    compare_non_monetary: 'Non-monetary rights',
    compare_only_row: 'Paid by only some cities',
    compare_only_cell: 'event(s) {ids}',
    compare_asks_row: 'Still needed',
    compare_not_counted: 'Not counted.',
    compare_unstated: '{n} more without a figure in the text',
    compare_planned: '{n} planned',
    kind_label: 'You are',
    city_label: 'City',
    kiosk_title: 'Still there?',
    kiosk_text: 'To protect your privacy, everything on this page will be cleared when the countdown ({n} seconds) ends.',
    kiosk_continue: 'Keep using',
    kiosk_clear_now: 'Clear now',
    event_fallback: 'Event',
    recipient_person: 'the workers or trainees themselves',
    recipient_enterprise: 'the enterprise',
    recipient_school: 'the school',
    recipient_training_base: 'the training base',
    recipient_other_unit: 'the host or other unit',
    recipient_team: 'your team (your own share is not stated)',
    recipient_team_unit: 'the winning team',
    not_in_total: ', not in your total',
    not_in_total_unit: ", not in your organisation's total",
    missing: 'Still missing',
    other_total: '{amount} more goes to {who}, not in the total above.',
    other_total_alone: '{amount} goes to {who}; it is not yours.',
    other_total_alone_unit: "{amount} goes to {who}; it is not your organisation's.",
    list_sep: ', ',
  },
};

// Who pays: the ids of rules/vocabulary.json "payers" (the catalog does not carry them); unknown ids are shown as is.
const PAYERS = {
  city_finance: { zh: '市级财政', en: 'city finance' },
  county_finance: { zh: '县级财政', en: 'county finance' },
  unemployment_insurance_fund: { zh: '失业保险基金', en: 'unemployment insurance fund' },
  city_federation_of_trade_unions: { zh: '市总工会', en: 'city federation of trade unions' },
  organiser: { zh: '竞赛主办单位', en: 'contest organiser' },
  employer: { zh: '用人单位', en: 'employer' },
  tax_authority: { zh: '税务部门（税费抵免）', en: 'tax authority (credit)' },
  youth_talent_fund: { zh: '青年人才专项资金', en: 'youth talent fund' },
  not_stated: { zh: '原文未写明', en: 'not stated in the text' },
};

let current = 'zh';
export const LANGS = ['zh', 'en'];
export const HTML_LANG = { zh: 'zh-Hans', en: 'en' };

export function setLang(lang) {
  current = LANGS.includes(lang) ? lang : 'zh';
  document.documentElement.lang = HTML_LANG[current];
}
export function lang() {
  return current;
}

// Who the page speaks of: a person (您) or a unit (本单位), for the few words that say whose total or team it is.
let audience = 'person';
export function setAudience(kind) {
  audience = !kind || kind === 'person' ? 'person' : 'unit';
}

export function t(key, params = {}) {
  const k = audience === 'unit' && `${key}_unit` in STR.zh ? `${key}_unit` : key;
  const s = STR[current][k] ?? STR[current][key] ?? STR.zh[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (m, k) => (k in params ? String(params[k]) : m));
}

// A {zh, en} pair from the core, in the current language (falling back to the other one).
export function pick(pair) {
  if (pair == null) return '';
  if (typeof pair === 'string') return pair;
  return pair[current] ?? pair.zh ?? pair.en ?? '';
}

// Who receives an item's money: as the text names them where it does (选送单位), else by the recipient's kind.
export function recipientLabel(item) {
  return item.recipient_words ? pick(item.recipient_words) : t(`recipient_${item.recipient}`);
}

// Who receives the money of one line of other_totals: the text's own name where every item of it gives the same one.
export function othersLabel(result, recipient) {
  const of = (result.items ?? []).filter((i) => i.recipient === recipient && i.for_applicant === false && !i.planned &&
    (i.status === 'granted' || i.status === 'capped'));
  const names = new Set(of.map((i) => (i.recipient_words ? pick(i.recipient_words) : '')));
  return names.size === 1 && !names.has('') ? [...names][0] : t(`recipient_${recipient}`);
}

export function payerLabel(id) {
  return PAYERS[id] ? PAYERS[id][current] : String(id).replace(/_/g, ' ');
}

// Money in whole yuan. Chinese uses 万 from 10,000 up, as the policy texts and the core's explanations do.
export function money(yuan) {
  if (yuan == null || !Number.isFinite(yuan)) return '';
  if (current === 'zh') {
    if (Math.abs(yuan) >= 10000) {
      const wan = (yuan / 10000).toFixed(4).replace(/\.?0+$/, '');
      return `${wan}万元`;
    }
    return `${yuan}元`;
  }
  return `${yuan.toLocaleString('en-US')} yuan`;
}

// 100000 -> "100,000": numbers of five digits and more are grouped by thousands, in both languages.
export function groupDigits(n) {
  return Math.abs(n) >= 10000 ? n.toLocaleString('en-US') : String(n);
}

export function moneyRange(min, max) {
  if (min == null && max == null) return '';
  if (min === max || max == null) return money(min);
  if (!min) return t('amount_upto', { amount: money(max) });
  return t('amount_range', { min: money(min), max: money(max) });
}

export function formatDate(iso) {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso ?? '';
  const [y, m, d] = iso.split('-').map(Number);
  if (current === 'zh') return `${y}年${m}月${d}日`;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
    'November', 'December'];
  return `${d} ${months[m - 1]} ${y}`;
}

// A date as people type it — 2025-07-15, 2025/7/15, 2025.7.15, 2025年7月15日, 20250715, full-width digits too —
// as ISO "2025-07-15", or null when it is not a real date. (The hints write their example with non-breaking
// hyphens, U+2011, so that it never breaks across lines; copied back, it is understood too.)
function dayParts(text) {
  const s = String(text ?? '').trim().replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return /^(\d{4})\s*[-/.年－／\u2011]\s*(\d{1,2})\s*[-/.月－／\u2011]\s*(\d{1,2})\s*日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
}

// A day written as a date the calendar lacks (2025/2/30, 2025-13-01): the message that says so, or null.
export function missingDay(text) {
  const m = dayParts(text);
  if (!m || parseDay(text)) return null;
  const [y, mo] = m.slice(1).map(Number);
  if (mo < 1 || mo > 12) return t('no_such_month', { text: String(text).trim(), m: mo });
  if (y < 1900 || y > 2200) return null;
  return t('no_such_day', { text: String(text).trim(), y, m: mo, last: new Date(Date.UTC(y, mo, 0)).getUTCDate() });
}

export function parseDay(text) {
  const m = dayParts(text);
  if (!m) return null;
  const [y, mo, d] = m.slice(1).map(Number);
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > last) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// "2" -> 第2条 / clause 2;  "十一" -> （十一） / item (十一);  "(八)" stays as written.
export function clauseLabel(clause) {
  const c = String(clause ?? '');
  if (/^\d+(\.\d+)*$/.test(c)) return current === 'zh' ? `第${c}条` : `clause ${c}`;
  const inner = c.replace(/^[(（]\s*|\s*[)）]$/g, '');
  return current === 'zh' ? `（${inner}）` : `item (${inner})`;
}

// Text for English pages often holds Chinese document numbers and terms: wrap each run of CJK characters in a
// span with lang="zh-Hans" so screen readers switch voice. Returns nodes.
const CJK_RUN = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef〔〕“”]+(?:[\s\d.]*[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef〔〕“”]+)*/g;
export function langText(text, textLang = current) {
  // Dates are written one way on the page: an ISO date in a rule's note reads "19 August 2021" like the rest.
  const s = String(text ?? '').replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (m) => formatDate(m));
  if (textLang === 'zh') return [document.createTextNode(s)];
  const out = [];
  let last = 0;
  for (const m of s.matchAll(CJK_RUN)) {
    if (m.index > last) out.push(document.createTextNode(s.slice(last, m.index)));
    const span = document.createElement('span');
    span.lang = 'zh-Hans';
    span.textContent = m[0];
    out.push(span);
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push(document.createTextNode(s.slice(last)));
  return out;
}
