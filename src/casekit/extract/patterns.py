"""Regular expressions of every stage, each with an example of what it matches.

Kept together so a new phenomenon is one new named pattern, not a change scattered over
the stages.
"""

from __future__ import annotations

import re

CJK = "\u4e00-\u9fff"
# One Chinese character.
HAN_CHAR = re.compile(f"[{CJK}]")
CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
CN_SMALL = "一二三四五六七八九十"

# Sentence-final punctuation: a line ending with one of these ends a paragraph.
TERMINAL = "。！？!?；;…：:】）)"
# Punctuation inside a sentence: a line holding one of these is running text, not a heading.
SENTENCE_INNER = "。！？；;"
COMMAS = "，,、"

# "…新格局 开创…": the gap between the two halves of a headline.
HEADLINE_GAP = re.compile(rf"[{CJK}”]\s+[{CJK}“]")

# --- cleaning -------------------------------------------------------------------------

# "1、2018 全国城市…" / "3、驱动机制": a number pasted at a line start by a PDF chunker.
CHUNK_NUMBER = re.compile(r"^(\d{1,3})[、.．]\s*")

# "— 12 —", "- 3 -", "第 3 页", "第3页 共20页", "12": a page number line.
PAGE_NUMBER = re.compile(r"^(?:[-—–－﹣―·\s]*[\d０-９]{1,4}[-—–－﹣―·\s]*|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?)$")

# "目  录", "目次": a table of contents' heading; "某某工作法……………3": one of its entries.
CONTENTS_HEADING = re.compile(r"^(?:目\s*录|目\s*次)$")
CONTENTS_ENTRY = re.compile(r"^\S.{1,80}?(?:…{2,}|[.·．]{3,})\s*\d{1,4}$")

# "第15期", "（总第234期）", "2023年第3期": the issue line under a briefing's masthead ("组工信息").
ISSUE_NUMBER = re.compile(r"^[（(]?(?:\d{4}\s*年\s*)?(?:总\s*)?第\s*\d{1,4}\s*期[）)]?(?:\s*[（(]总第\s*\d{1,5}\s*期[）)])?$")
# "━━━━━━", "————————", "＊＊＊": a rule between a briefing's masthead and its text.
# "• ", "- ", "* ": a list item's bullet, as a page's list or a Markdown list is written out.
LIST_BULLET = re.compile(r"^(?:[•▪●◆■]|[-*+](?=\s))\s*")
RULE_LINE = re.compile(r"^[\s━─—–\-=＝_＿*＊·•～~…]{4,}$")
# "报：市委组织部。", "抄送：…", "（共印60份）": a briefing's distribution list and print run.
DISTRIBUTION = re.compile(r"^(?:报|送|发|抄报|抄送|主送|分送)\s*[:：].{1,160}$|^[（(]?共印\s*\d+\s*份[）)]?$")

# "责任编辑:杨某", "来源：人民网", "（责任编辑：赵某）", "[编辑：王某]": an editorial credit line.
CREDIT_LINE = re.compile(
    r"^[（(\[【]?(?:责任编辑|编辑|校对|审核|审校|编审|终审|签发|核稿|拟稿|撰稿|来源|稿件来源|作者)\s*[:：]\s*[^\s（）()\[\]【】]{1,30}[）)\]】]?$"
)

# "时间:2010年03月01日 09时00分来源:求是作者:…字号:『 大字体 中字体 小字体 』": page metadata.
META_FIELD = re.compile(r"(?:发布时间|时间|来源|作者|浏览次数|点击数|阅读量|字号)\s*[:：]")
# "发布时间:2023-01-03 14:15:42 | 来源:中国网 | 作者: | 责任编辑:王静中国网讯 日前，…": a page's
# metadata fields opening a line the text runs on in, up to the first space after the last field.
META_RUN = re.compile(
    r"^(?:(?:发布时间|时间|来源|作者|浏览次数|点击数|阅读量|字号)\s*[:：][^|｜]{0,40}?\s*[|｜]\s*){2,}"
    r"(?:[^\s|｜:：]{1,8}[:：][^\s|｜]*\s*[|｜]?\s*)*"
)
# "字号：『 大 中 小 』", "字号:A A", "定义你的浏览字号：" (the choices drawn as images): a font-size control.
FONT_SIZE_WIDGET = re.compile(r"(?:字号|字体)\s*[:：]?\s*[『【\[]?\s*大\s*(?:字体)?\s*中\s*(?:字体)?\s*小"
                              r"|^(?:字号|字体)\s*[:：]\s*[A-Za-z](?:\s*[A-Za-z]){1,2}(?:\s|$)"
                              r"|^[\u4e00-\u9fff]{0,8}(?:字号|字体)\s*[:：]$")
# "打印本页 关闭窗口", "【打印】【关闭】", "分享到：微信 微博": a line of a web page's buttons.
PAGE_BUTTONS = re.compile(
    r"^(?:分享到\s*[:：].*|(?:[【\[]?\s*(?:打印本页|打印|关闭窗口|关闭|收藏本页|收藏|返回顶部|返回|纠错|扫一扫|"
    r"加入收藏|设为首页)\s*[】\]]?\s*)+)$"
)
# "清河新闻网 | 登录 | 注册", "首页｜要闻｜基层动态": a menu of short items between bars.
NAV_BAR = re.compile(r"^(?:[^|｜]{1,12}[|｜]){2,}[^|｜]{1,12}$")
# "首页 > 新闻中心 > 基层动态", "当前位置：首页 » 工作动态": a site's breadcrumb trail.
BREADCRUMB = re.compile(r"^(?:(?:当前位置|您的位置|你的位置|您现在的位置)\s*[:：].*|首页\s*(?:[>＞»›/]\s*[^>＞»›/\s]{1,16}\s*)+)$")
# "版权所有：某某新闻网", "备案号：某ICP备12345678号", "Copyright © 2023": a site's footer.
SITE_FOOTER = re.compile(r"版权所有|ICP备|备案号|Copyright|©|技术支持\s*[:：]|主办单位\s*[:：]")

# A name as a paper prints it, a two-character one padded with spaces ("鞠  鹏").
_SPACED_NAME = rf"[{CJK}](?:[ \u3000]*[{CJK}]){{1,3}}"
# "…学习。南方日报记者王昌辉摄", "新华社记者  鞠  鹏摄", "图为社区党员…", "刘某某摄" alone under a
# photo, "图片由某某村提供": a photo caption or its credit.
CAPTION = re.compile(
    rf"(?:(?:记者|摄影|通讯员)\s*{_SPACED_NAME}(?:\s+{_SPACED_NAME})*\s*/?\s*摄(?:影)?$)|^图为|^(?:图|图片)\s*[:：]"
    rf"|^[{CJK}]{{2,4}}\s*摄(?:影)?$|^[（(]?(?:本版|本文|文中)?(?:图片|照片|图)(?:均)?由[^，。；\s]{{2,20}}提供[）)]?$"
)

# "□晚报记者 某某", "■市委组织部课题组": the box mark a paper prints before a byline or a unit line.
BOX_MARKS = "□■◆●"

# "记者 柴琳琳", "通讯员 张茹 文/图", "南方日报记者卢慧", "本报记者 张某某 通讯员 李某",
# "□晚报记者 徐某 文/图 通讯员 贾某某" (a paper's box mark before it): a byline.
_PHOTO_MARK = r"(?:[\s\u3000]*(?:文\s*/\s*图|/\s*图|摄))?"
BYLINE = re.compile(
    rf"^[{BOX_MARKS}]?\s*(?:[{CJK}]{{0,8}}(?:日报|晚报|报社|电视台|新闻网|新华社|本报))?(?:特约|见习)?(?:记者|通讯员|实习生)"
    rf"[\s\u3000:：]*[{CJK}]{{2,4}}{_PHOTO_MARK}"
    rf"(?:[\s\u3000、，,]*(?:(?:记者|通讯员|实习生)[\s\u3000:：]*)?[{CJK}]{{2,4}}{_PHOTO_MARK})*"
    r"[\s\u3000]*(?:报道)?$"
)

# "新闻推荐", "相关阅读", "推荐阅读": the start of teasers for other articles.
TEASER_START = re.compile(r"^(?:新闻推荐|相关阅读|推荐阅读|延伸阅读|相关新闻|热点推荐|猜你喜欢|上一篇|下一篇)\s*[:：]?")

# "■亮点", "■声音": a column label of a newspaper page.
COLUMN_LABEL = re.compile(r"^[■□◆◇●▲★☆]\s*\S{1,6}$")

# "本文来源:公务员在线http://www.example.com": a source credit glued into running text.
SOURCE_CREDIT = re.compile(r"(?:本文)?来源\s*[:：]\s*[^\s:：]{0,20}?https?://[A-Za-z0-9./_?=&%#~-]+")
URL = re.compile(r"https?://[A-Za-z0-9./_?=&%#~:-]+")
# "娱www.乐": a stray host prefix inside a Chinese word.
STRAY_WWW = re.compile(rf"(?<=[{CJK}])www\.(?=[{CJK}])")

# "<p>", "</strong>", "<br/>", "<span style='…'>": HTML tags left in a text pasted from a page.
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,9}(?:\s[^<>\n]{0,300})?/?>")
# "時(shí)間", "鄉(xiāng)鎮(zhèn)": the pinyin some mirror sites write after characters, tone marks and all.
PINYIN_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])[(（](?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")

# "<!--more-->", "<!-- 正文开始 -->": an HTML comment, a publishing system's marker in the text.
HTML_COMMENT = re.compile(r"<!--.{0,200}?-->")

# A content system's record dumped as JSON or a script, a field a line ("fileId":"26410908",
# "title":"…",): the fields that hold the text (TEXT_FIELDS) keep their value, the rest is data.
JSON_FIELD = re.compile(r'^"(?P<key>[A-Za-z_][\w-]{0,40})"\s*:\s*(?P<value>.*?)\s*,?$')
JSON_TEXT_VALUE = re.compile(r'^(?P<open>"(?P<key>[A-Za-z_][\w-]{0,40})"\s*:\s*")(?P<text>.*?)(?P<close>"\s*,?)?$')
TEXT_FIELDS = frozenset({"title", "subtitle", "headtitle", "content", "text", "body", "summary", "abstract",
                         "description", "attabstract"})
# "var gArticleJson = {", "};": the lines that open and close such a record.
SCRIPT_RECORD_EDGE = re.compile(r"^(?:(?:var|let|const)\s+[A-Za-z_$][\w$]*\s*=\s*)?[{\[]$|^[}\]]\s*[;,]?$")
# "\"", "\n": the escapes inside a record's text value.
JSON_ESCAPE = re.compile(r'\\[nrt"/\\]')

# "服务岗 46 个": the space a PDF text layer (or text pasted from one) puts between a Han character
# and a number; Chinese puts none there.
NUMBER_GAP = re.compile(rf"(?<=[{CJK}])[ \u00a0](?=\d)|(?<=\d)[ \u00a0](?=[{CJK}])")

# "上图为某某胡同整治前（2015年摄）；下图为整治后（2018年摄）。 ": a photo's caption opening a line
# of text, up to its last photographer's mark, run into the text after it.
LEADING_CAPTION = re.compile(r"^(?:拼版照片|组图)?[：:]?\s*[上下左右]?图(?:为|片?[：:]).{0,400}摄[）)][。；]?\s+")

# "（全文共2102字）", "(共3500字)": a site's note of a text's length, beside its title.
LENGTH_NOTE = re.compile(r"\s*[（(](?:全文)?共?约?\s*\d[\d,]*\s*字[）)]")

# "【画面】", "【结束画面】", "【字幕】": a stage direction in a broadcast script.
STAGE_DIRECTION = re.compile(r"【(?:结束)?(?:画面|字幕|同期声|解说|音乐|镜头|空镜)[^】]{0,6}】")

# Markdown markup of a line copied from a publishing system: "## 标题" (a heading's prefix), "> "
# (a quote's), "**背景情况**" (a line in bold, the markers only), "![图注](img.png)" (an image).
MD_LINE_PREFIX = re.compile(r"^(?:#{1,6}[ \t]+|>[ \t]*)")
MD_BOLD_LINE = re.compile(r"(?P<mark>\*\*|__)(?=\S).+?(?<=\S)(?P=mark)$")
# "*（执笔：…）*", "***附记***": a whole line in emphasis marks; `inner` is what a reader sees.
MD_EMPHASIS_LINE = re.compile(r"^(?P<mark>[*_]{1,3})(?P<inner>\S.*?\S)(?P=mark)$")
# "640 (15).jpg", "IMG_2031.JPG": an image's file name left where a page showed the image.
# "社区治理典型案例材料.docx": a document's file name, as a document-sharing site shows it over the text.
DOCUMENT_FILE = re.compile(r"^(?P<stem>[^\s/\\]{2,60}?)\.(?:docx?|wps|pdf|txt|pptx?|xlsx?|rtf|odt)$", re.IGNORECASE)
# "《社区治理典型案例材料.docx》由会员分享": the file a document site's blurb names.
QUOTED_FILE = re.compile(r"《(?P<stem>[^《》]{2,60}?)\.(?:docx?|wps|pdf|txt|pptx?)》", re.IGNORECASE)
IMAGE_FILE = re.compile(r"^[\w\-\s()（）]{1,40}\.(?:jpe?g|png|gif|webp|bmp)$", re.IGNORECASE)
# "微信截图_20250214144713", "IMG_20230509_101530": a picture's file name as a page left it, no extension.
SCREENSHOT_NAME = re.compile(r"^(?:微信截图|微信图片|截图|屏幕截图|IMG|DSC|img)[_\-]?\d{8,}(?:[_\-]\d+)*$")
MD_IMAGE = re.compile(r"!\[[^\]\n]{0,200}\]\([^)\n]{0,500}\)")
# "[查看原文](https://…)": a link; its words stay, the brackets and the address go.
MD_LINK = re.compile(r"(?<!!)(\[)[^\]\n]{1,200}(\]\([^)\n]{0,500}\))")

# ASCII punctuation that reads as Chinese punctuation when it touches a Chinese character.
ASCII_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}

# --- structure --------------------------------------------------------------------------

# Organisation names end like this: "…组织部", "…工作委员会", "…党委", "…街道".
# "…局" names a bureau, but not in 格局, 布局, 大局, 全局, 结局, 开局, 变局, 新局 or 破局.
BUREAU = r"(?<![格布大全结开变新破])局"
ORG_SUFFIX = rf"(?:委员会|组织部|宣传部|党委|党组|党工委|工委|党总支|党支部|{BUREAU}|办公室|办事处|政府|街道|协会|中心|公司|学校|大学|学院|党校|医院)"
# The end of a named place of any level: "…省", "…县", "…街道".
PLACE_SUFFIX = r"(?:省|市|县|区|旗|州|盟|镇|乡|街道)"
# The stricter ending of a unit named by its place alone ("辽源市委组织部", "某某县民政局"): a title such
# as "开创城市基层党建工作新格局" or "打造社区党群服务中心" must not read as one.
_PLACE_ORG_SUFFIX = rf"(?:组织部|宣传部|统战部|党委|党组|党工委|工委|委员会|办公室|办事处|政府|{BUREAU}|党校)"
# What may follow a unit on its line: a date or the writer ("执笔：张某"); after a 中共… unit, a name too.
_UNIT_TAIL = r"(?:[\s\u3000]+(?:\d{4}\s*年[\d\s月日]*|执笔\s*[:：]?\s*[\u4e00-\u9fff]{2,4}))?"
_UNIT_TAIL_OR_NAME = r"(?:[\s\u3000]+(?:\d{4}\s*年[\d\s月日]*|执笔\s*[:：]?\s*[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{2,3}))?"
# A submitting-unit line: "中共东辽县委组织部申报", "申报单位：中共某某县委组织部", "【报送单位】…", "供稿：…",
# "某某街道工委供稿", "（供稿单位：…）", "（中共某某县委组织部 2022年5月）", "中共某某县委组织部 张某", or an
# organisation of a named place alone under a title ("辽源市委组织部", "某某县民政局"). An author's
# affiliation ("作者单位：…") is not a submitting unit.
UNIT_LINE = re.compile(
    rf"^(?:[（(]?(?:【\s*(?:申报|报送|推荐|供稿)单位\s*】|(?:(?:申报|报送|推荐|供稿)单位(?:名称)?|供稿)\s*[:：])"
    rf"\s*(?P<u1>[^\s。]{{2,40}}?)[）)]?"
    rf"|[（(]?(?P<u2>[^\s。，,：:（）()]{{2,40}}?)\s*(?:申报|报送|供稿|推荐|提供)(?:材料)?[）)]?"
    rf"|[（(](?P<u3>[^（）()\s。，,：:]{{2,30}}{ORG_SUFFIX})(?:[\s\u3000]+\d{{4}}\s*年[\d\s月日]*)?[）)]"
    rf"|(?P<u4>中共[^\s。，,：:]{{2,28}}{ORG_SUFFIX}){_UNIT_TAIL_OR_NAME}"
    rf"|(?P<u5>[\u4e00-\u9fff]{{1,12}}?{PLACE_SUFFIX}[\u4e00-\u9fff]{{0,8}}?{_PLACE_ORG_SUFFIX}){_UNIT_TAIL})$"
)

# "（某某县委组织部供稿）", "（作者单位：某某县委办公室）", "(某某旗委组织部 张某某)": a bracketed note
# closing an item's last paragraph that names the organisation which sent it in (and its writer).
CLOSING_UNIT_NOTE = re.compile(
    rf"[（(](?:(?:作者单位|供稿单位|报送单位|供稿)\s*[:：]\s*)?(?P<unit>[^（）()\s。，,：:]{{2,30}}?{ORG_SUFFIX})"
    rf"(?:[ \u3000]+(?!供稿|报送|提供)[{CJK}]{{2,4}}){{0,3}}\s*(?:供稿|报送|提供)?[）)]$"
)

# "案例名称：…", "【案例名称】…", "题目：…": a title written into a form's field.
TITLE_FIELD = re.compile(r"^(?:【\s*(?:案例|项目)?(?:名称|标题|题目)\s*】|(?:案例|项目)?(?:名称|标题|题目)\s*[:：])\s*(?P<title>\S.*)$")

# "第一篇:落实四中全会精神推进基层党建工作创新", "篇一", "篇1：…", "案例三：…", "【案例一】": an article in a numbered
# collection; the title may stand on the next line instead.
ARTICLE_MARK = re.compile(
    rf"^(?:第[{CN_SMALL}\d]+篇|篇[{CN_SMALL}\d]+(?=\s*$|\s*[:：])|【?(?:案例|典型案例)[{CN_SMALL}\d]+】?)\s*[:：、.．]?\s*(?P<title>.*)$"
)

# "李某(某某村党总支书记、村委会主任)：…": a remark opening on its speaker and the speaker's post.
SPEAKER_WITH_POST = re.compile(r"^(?P<label>(?P<name>[\u4e00-\u9fff]{2,4})\s*[（(](?P<post>[^（）()]{2,40})[）)])\s*[:：]")

# "安吉县：“两山”理念引领乡村振兴", "【东丰县】推行“三治融合”": a digest item headed by its place.
PLACE_TITLE = re.compile(
    rf"^(?:【[{CJK}]{{1,12}}{PLACE_SUFFIX}】|[{CJK}]{{1,12}}{PLACE_SUFFIX}[：:])"
    r"\s*\S.{3,60}$"
)
# "某某大学：“三个强化”做好党建工作", "云南某县：“3+2”模式…": a digest item headed by its unit or place
# before a quoted model (a report's sub-heading may look the same; see split._place_title_anchors).
QUOTED_ITEM_TITLE = re.compile(rf"^[{CJK}]{{2,12}}[：:]\s*“\S.{{3,60}}$")


# "2023年6月12日", "二〇二三年六月", "执笔人：张某", "联系电话：…", "附件：…": the signature block
# after a submission's last sentence.
CLOSING_LINE = re.compile(
    r"^(?:(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年(?:\s*[\d一二三四五六七八九十]{1,3}\s*月)?(?:\s*[\d一二三四五六七八九十]{1,3}\s*日)?"
    r"|[（(]?(?:执笔人?|撰稿人?|联系人|联系电话|电话|手机|邮箱|审核人?|签发人?|附件)\s*[:：].*)$"
)

# "2019年12月", "（执笔：张某）": lines that close a case and are never part of a title.
NOT_TITLE = re.compile(r"^\d{4}\s*年(?:\d{1,2}\s*月)?(?:\d{1,2}\s*日)?$|^[（(]")

# "新华社北京12月10日电", "本报讯", "人民网北京3月5日电（记者 王某）", "中新網北京電", "央视网消息（新闻联播）：":
# a news dateline opening a line (an agency's or a paper's name, a place and date, then 电/讯/消息).
DATELINE = re.compile(
    r"^[^\s，。：:]{0,16}?(?:\d{1,2}\s*月\s*\d{1,2}\s*日\s*[电讯電訊]|本报讯|本報訊|[电讯電訊]\s*[（(])"
    r"|^(?:新华社|新華社|中新社|中新网|中新網|本报|本報|人民网|人民網)[^\s，。、,]{0,14}?(?:电|電|讯|訊)"
    r"|^[^\s，。：:]{1,12}?消息\s*(?:[（(][^）)\n]{0,20}[）)])?\s*[:：]"
)
# "本报讯（记者 张某 通讯员 李某）", "新华社北京3月5日电（记者 王某）": a news dateline at a paragraph
# start with its reporters, the span cleaning cuts out of the paragraph.
# "记者某某报道从9月29日开始，…": a reporter's byline run into the first sentence.
REPORTED_BY = re.compile(rf"^(?:本报)?记者\s*{_SPACED_NAME}(?:[\s、]+{_SPACED_NAME})*\s*报道\s*")
# "…荣誉称号本报运城讯 近日", "…更加合理山西日报记者陈某报道：": a report's dateline or byline that
# a headline runs into when a page flattens its lines.
# (The paper's name is taken as two characters, 山西日报, 人民日报: a longer one would eat the headline.)
RUN_ON_SOURCE = re.compile(r"本[报報][\u4e00-\u9fff]{0,6}[讯訊]|[\u4e00-\u9fff]{2}(?:日报|日報|晚报|晚報)(?:记者|記者)[\u4e00-\u9fff]{2,4}(?:报道|報道)")
NEWS_DATELINE = re.compile(r"^[^\s，。：]{0,16}?(?:讯|电)\s*[（(][^）)]{0,40}?(?:记者|通讯员)[^）)]{0,40}[）)]\s*")

# "…经验交流座谈会发言稿材料注重发挥…": a document-kind word that ends a title run on into the text.
TITLE_END_CUE = re.compile(r"(?:发言稿材料|发言材料|发言稿|讲话稿|经验材料|典型材料|汇报材料|交流材料|申报材料|申请材料|事迹材料)"
                           r"(?=[\u4e00-\u9fff])")

# "(推荐)", "（精选）": a site's tag after a title.
TITLE_TAG = re.compile(r"[（(](?:推荐|精选|转载|原创|热门|荐)[）)]\s*$")

# "2018至2019年度…", "2021年度…": a year or year-range prefix of a compilation title.
YEAR_RANGE_PREFIX = re.compile(r"^\d{4}\s*(?:至|-|—|–|~)\s*\d{4}\s*年度?|^\d{4}\s*年度")
# "…典型案例五篇：…", "…心得体会范文3篇", "…(精选6篇)", "…(共五则范文)": a document site's title
# over several pieces, counted.
PIECES_TITLE = re.compile(rf"(?<!第)[{CN_SMALL}\d]{{1,2}}[篇则](?:范文)?(?=$|[:：\s（()）])")

# The words joining a heading's two terms ("实践与探索", "背景和起因"): a heading is looked up with
# them left out as well, so each variant stands for all its joinings.
HEADING_JOINERS = re.compile("[与和及]")

# "一、背景", "（二）主要做法", "3. 经验启示", "第一部分 背景", "【背景】", "背景：": numbering of a heading.
HEADING_NUMBER = re.compile(
    rf"^(?:[{CN_SMALL}]+\s*[、.．]|[（(][{CN_SMALL}]+[）)]|\d{{1,2}}\s*[、.．]|第[{CN_SMALL}]+(?:部分|章|节)\s*[、：:]?)\s*"
)

# Numbered sub-points: "（一）…", "一是…", "一要…", "1.…", "第一，…".
POINT_STYLES = {
    "paren": re.compile(rf"(?:^|(?<=\n))[（(](?P<n>[{CN_SMALL}]+)[）)]"),
    "shi": re.compile(rf"(?:^|(?<=[\n。；;！]))(?P<n>[{CN_SMALL}]+)是"),
    "yao": re.compile(rf"(?:^|(?<=[\n。；;！]))(?P<n>[{CN_SMALL}]+)要"),
    "arabic": re.compile(r"(?:^|(?<=\n))(?P<n>\d{1,2})[.．、](?!\d)"),
    "di": re.compile(rf"(?:^|(?<=[\n。；;]))第(?P<n>[{CN_SMALL}]+)[，,、]"),
}

# --- metadata ---------------------------------------------------------------------------

# "2019年" as a reported year (1949..2099).
YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)\s*年(?!代)")
# "2021-04-09", "2021年4月9日", "2021/4/9": a full date, as a page's date line gives it.
PUBLISHED_DATE = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}(?!\d)")

# "33.02", "29.84%", "6303": a table's cell holding a number alone, as a flattened table writes one a line.
NUMBER_CELL = re.compile(r"^[\d.,，％%]+$")

# "（2021年4月9日）": the date a speech or report was given, in brackets under its title.
DELIVERY_DATE = re.compile(r"[（(]\d{4}年\d{1,2}月\d{1,2}日[）)]")

# --- indicators -------------------------------------------------------------------------

# "332", "1.5", "14,000", "2600": an Arabic number.
ARABIC_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
APPROX_PREFIX = ("近", "约", "超过", "超", "逾", "达到", "达", "累计", "共计", "大约", "将近")
# Words that end in an approximation prefix but say something else: "签约12个项目", "附近3个村".
NOT_APPROX_WORDS = ("签约", "节约", "合约", "相约", "预约", "制约", "公约", "民约", "条约", "契约", "特约", "附近", "最近", "就近", "临近",
                    "邻近", "赶超", "高超", "远超")
APPROX_SUFFIX = ("以上", "左右", "以下", "上下")
# A range joiner: "3至5人", "3-5个", "3～5名".
RANGE_JOIN = r"\s*(?:至|到|-|—|~|～)\s*"
