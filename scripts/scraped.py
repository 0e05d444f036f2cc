#!/usr/bin/env python3
"""Scraped-text items: the development gold articles wrapped, at test time, in
the page chrome that copying a news page from a browser or a scraper leaves
around an article (menus, breadcrumbs, date lines, outlet prefixes, share and
comment counters, read-also lines, related links with their own dates,
credits, tags, footers).

usage:
  scraped.py render OUTDIR              write OUTDIR/<layout>__<id>.txt and OUTDIR/expected.json
  scraped.py score OUTDIR OUT.json      headline and date accuracy of analyze's OUT.json,
                                        per part (tune/blind) and per tune layout
  scraped.py layouts                    the layouts and their part

Only the layouts (the chrome, written here) and the dev set's ids are kept in
the repository; the articles come from ../shared/corpora through devset.py.
Each layout imitates the text of one kind of real Arabic news site. A fixed
hash of the layout's name puts a third of the layouts in the *blind* part:
rules are written looking at the tune layouts only.

expected.json maps each file name to {"headline", "date", "layout", "part"}:
the article's title and its publication date (YYYY-MM-DD).
"""
import datetime
import hashlib
import json
import os
import random
import re
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import devset  # noqa: E402

LEV = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
       "تشرين الأول", "تشرين الثاني", "كانون الأول"]
EG = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
      "أكتوبر", "نوفمبر", "ديسمبر"]
DZ = ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر",
      "نوفمبر", "ديسمبر"]
MA = ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر",
      "نونبر", "دجنبر"]
HIJRI = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب",
         "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"]
# datetime.weekday(): Monday = 0
WD = ["الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def part_of(layout):
    """A fixed third of the layouts is blind."""
    h = int(hashlib.sha256(("scraped:" + layout).encode()).hexdigest(), 16)
    return "blind" if h % 3 == 0 else "tune"


def hijri(d):
    """The tabular Islamic calendar date of a Gregorian date: (y, m, d)."""
    jdn = d.toordinal() + 1721425
    l = jdn - 1948440 + 10632
    n = (l - 1) // 10631
    l = l - 10631 * n + 354
    j = ((10985 - l) // 5316) * ((50 * l) // 17719) + (l // 5670) * ((43 * l) // 15238)
    l = l - ((30 - j) // 15) * ((17719 * j) // 50) - (j // 16) * ((15238 * j) // 43) + 29
    m = (24 * l) // 709
    day = l - (709 * m) // 24
    return 30 * n + j - 30, m, day


class Ctx:
    """One item being rendered: its article, a seeded random source, and the
    other articles (for related links)."""

    def __init__(self, art, others, rnd):
        self.title, self.date, self.paras = art
        self.others = others
        self.r = rnd

    def time12(self):
        h, m = self.r.randint(1, 12), self.r.randint(0, 59)
        return "%02d:%02d %s" % (h, m, self.r.choice(["ص", "م"]))

    def time24(self):
        return "%02d:%02d" % (self.r.randint(0, 23), self.r.randint(0, 59))

    def related(self, n, shift=(1, 40)):
        """n (title, date) of other articles, dated a few days before this one."""
        picks = self.r.sample(self.others, n)
        return [(t, self.date - datetime.timedelta(days=self.r.randint(*shift))) for t, _ in picks]

    def body(self, every=None, extra=None):
        """The paragraphs, with `extra()` lines inserted every `every` paragraphs."""
        out = []
        for k, p in enumerate(self.paras):
            out.append(p)
            if every and extra and k + 1 < len(self.paras) and (k + 1) % every == 0:
                out.append(extra())
        return out


def dmy_month(d, months, sep=" "):
    return "%d%s%s%s%d" % (d.day, sep, months[d.month - 1], sep, d.year)


# ---------------------------------------------------------------- layouts
# Each layout returns the lines of one copied page.

def jo_portal(c):
    """A Jordanian news portal: menu, breadcrumbs, the date line above the
    title, the outlet glued to the first sentence, gnews, latest and most read."""
    d = c.date
    lines = ["الرئيسية", "محليات", "عربي ودولي", "اقتصاد", "رياضة", "فيديو", "",
             "الرئيسية > أخبار > عربي ودولي", "",
             "%s %s %s" % (WD[d.weekday()], d.isoformat(), c.time12()), "",
             c.title, ""]
    b = c.body()
    b[0] = c.r.choice(["الوكيل الإخباري- ", "الوكيل الإخباري - ", "عمان - الوكيل الإخباري - "]) + b[0]
    lines += b
    lines += ["", "gnews", "", "أحدث الأخبار", ""]
    for t, rd in c.related(5, (0, 2)):
        lines += [t, "%s %s" % (rd.isoformat(), c.time12())]
    lines += ["", "الأكثر مشاهدة", ""] + [t for t, _ in c.related(5)]
    lines += ["", "جميع الحقوق محفوظة © 2024"]
    return lines


def eg_portal(c):
    """An Egyptian daily: breadcrumbs with »، title, writer, date with the
    weekday and a 12-hour time, share and comment counters, read-also lines
    inside the body, tags, related news with dates."""
    d = c.date
    lines = ["الرئيسية » أخبار عاجلة » عرب وعالم", "",
             c.title, "",
             "كتب %s" % c.r.choice(["محمد عبد الرحمن", "أحمد جمال", "سارة السيد"]),
             "%s، %d %s %d %s" % (WD[d.weekday()], d.day, EG[d.month - 1], d.year, c.time12()),
             "%d تعليق" % c.r.randint(0, 40), "شارك", ""]
    lines += c.body(2, lambda: "اقرأ أيضًا: " + c.related(1)[0][0])
    lines += ["", "الكلمات المفتاحية: " + "، ".join(c.r.sample(["مصر", "السعودية", "الأمم المتحدة", "وزير الخارجية", "قمة"], 3)),
              "", "أخبار متعلقة", ""]
    for t, rd in c.related(4):
        lines += [t, "%s، %d %s %d" % (WD[rd.weekday()], rd.day, EG[rd.month - 1], rd.year)]
    return lines


def gulf_wire(c):
    """A Gulf wire agency: a numeric date and time line under the title, the
    dateline without a year glued to the lead, translator and editor credits
    and the wire code at the end."""
    d = c.date
    lines = [c.title,
             "%02d/%02d/%d %s" % (d.day, d.month, d.year, c.time24()), ""]
    b = c.body()
    b[0] = "%s في %d %s / وام / " % (c.r.choice(["أبوظبي", "دبي", "الشارقة"]), d.day, EG[d.month - 1]) + b[0]
    lines += b
    lines += ["", "ترجمة: %s" % c.r.choice(["سمير عبدالله", "نادية محمود"]),
              "تحرير: %s" % c.r.choice(["هالة أحمد", "خالد يوسف"]),
              "ع ا / ع ا", "", "الأخبار ذات الصلة", ""]
    for t, rd in c.related(3):
        lines += [t, "%02d/%02d/%d" % (rd.day, rd.month, rd.year)]
    return lines


def sa_agency(c):
    """The Saudi agency: a Hijri and Gregorian dateline line under the title,
    '//انتهى//' and a time code at the end."""
    d = c.date
    hy, hm, hd = hijri(d)
    lines = [c.title,
             "%s %d %s %d هـ الموافق %d %s %d م واس" % (c.r.choice(["الرياض", "جدة", "مكة المكرمة"]), hd, HIJRI[hm - 1], hy, d.day, EG[d.month - 1], d.year)]
    lines += c.body()
    lines += ["//انتهى//", "%s ت م" % c.time24(), "", "طباعة", "إرسال لصديق"]
    return lines


def lb_daily(c):
    """A Lebanese daily: Levantine month names, source and date on one line
    with a bar, font size buttons, tags and 'more news' with dates."""
    d = c.date
    lines = ["النهار العربي", "لبنان", "العالم العربي", "اقتصاد", "ثقافة", "",
             c.title, "",
             "المصدر: %s | %d %s %d | %s" % (c.r.choice(["النهار", "وكالات", "أ ف ب"]), d.day, LEV[d.month - 1], d.year, c.time24()),
             "A+ A-", ""]
    lines += c.body()
    lines += ["", "كلمات مفتاحية", "لبنان", "دبلوماسية", "", "المزيد من الأخبار", ""]
    for t, rd in c.related(4):
        lines += [t, "%d %s %d" % (rd.day, LEV[rd.month - 1], rd.year)]
    return lines


def ma_portal(c):
    """A Moroccan portal: Moroccan month names, the date above the title, the
    outlet and agency glued to the lead, print and comment counters, most read."""
    d = c.date
    lines = ["هسبريس", "سياسة", "مجتمع", "اقتصاد", "دولية", "",
             "%s %d %s %d - %s" % (WD[d.weekday()], d.day, MA[d.month - 1], d.year, c.time24()), "",
             c.title, "",
             "هسبريس - %s" % c.r.choice(["أ ف ب", "رويترز", "و م ع"]),
             "تعليقات الزوار (%d)" % c.r.randint(0, 30), "طباعة", ""]
    lines += c.body()
    lines += ["", "الأكثر قراءة", ""]
    for k, (t, _) in enumerate(c.related(5), 1):
        lines += [str(k), t]
    return lines


def dz_daily(c):
    """An Algerian daily: Algerian month names, Y/m/d with time, the
    author's name under the title, 'منذ' times in the related news."""
    d = c.date
    lines = ["الشروق أونلاين", "الجزائر", "العالم", "رياضة", "", c.title,
             "%s" % c.r.choice(["ك. مراد", "سمية سعادة", "محمد مسلم"]),
             "%d/%02d/%02d %s" % (d.year, d.month, d.day, c.time24()),
             "%d مشاهدة" % c.r.randint(100, 9000), ""]
    lines += c.body()
    lines += ["", "آخر الأخبار", ""]
    for t, _ in c.related(4):
        lines += [t, "منذ %d %s" % (c.r.randint(2, 11), c.r.choice(["ساعات", "دقائق"]))]
    lines += ["", "%d %s %d" % (d.day, DZ[d.month - 1], d.year)]
    return lines


def wp_theme(c):
    """A WordPress theme: skip link, menu, a meta line under the title (author,
    date, category, comments), sharing buttons, 'like' block, previous/next
    posts, related posts with dates, the comment form."""
    d = c.date
    lines = ["تخطى إلى المحتوى", "الرئيسية", "أخبار", "سياسة", "اتصل بنا", "",
             c.title, "",
             "بواسطة %s | %d %s، %d | %s | %d تعليقات" % (c.r.choice(["admin", "المحرر", "فريق التحرير"]), d.day, EG[d.month - 1], d.year, c.r.choice(["سياسة", "أخبار عربية", "دولي"]), c.r.randint(0, 9)), ""]
    lines += c.body()
    lines += ["", "شارك هذا الموضوع:", "تويتر", "فيس بوك", "", "معجب بهذه:", "إعجاب تحميل...", "", "مرتبط", ""]
    for t, rd in c.related(3):
        lines += [t, "%d %s، %d" % (rd.day, EG[rd.month - 1], rd.year), "في \"أخبار\""]
    prev, nxt = c.related(2)
    lines += ["", "المقالة السابقة", prev[0], "المقالة التالية", nxt[0], "",
              "اترك تعليقاً", "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *"]
    return lines


def amp_text(c):
    """An AMP page as text: site name, a menu glyph, the title, published and
    updated on one line, the body, 'view the full version'."""
    d = c.date
    up = d + datetime.timedelta(days=c.r.randint(0, 3))
    lines = ["سكاي نيوز عربية", "☰", "", c.title, "",
             "نشر في: %02d/%02d/%d - %s | آخر تحديث: %02d/%02d/%d - %s" % (d.day, d.month, d.year, c.time24(), up.day, up.month, up.year, c.time24()),
             ""]
    lines += c.body()
    lines += ["", "عرض النسخة الكاملة", "", "© 2024 سكاي نيوز عربية"]
    return lines


def browser_copy(c):
    """A whole page selected in a browser: top bar with today's date (the day
    of the copy), weather and currencies, the main menu, a breaking-news
    ticker naming another story, then the article with its own date."""
    d = c.date
    today = d + datetime.timedelta(days=c.r.randint(1, 400))
    rel = c.related(2)
    lines = ["%s %d %s %d" % (WD[today.weekday()], today.day, EG[today.month - 1], today.year),
             "عمان 24°", "الدولار 0.71 دينار", "تسجيل الدخول", "",
             "الرئيسية", "أخبار محلية", "أخبار عربية ودولية", "اقتصاد", "رياضة", "تكنولوجيا",
             "منوعات", "كتاب ومقالات", "فيديو", "اتصل بنا", "بحث", "",
             "عاجل", rel[0][0], "", c.title, "",
             "نشر بتاريخ: %d/%d/%d" % (d.day, d.month, d.year), ""]
    lines += c.body()
    lines += ["", "تابعونا على", "فيسبوك", "تويتر", "يوتيوب", "",
              "من نحن", "سياسة الخصوصية", "جميع الحقوق محفوظة © %d" % today.year]
    return lines


def eg_news_site(c):
    """An Egyptian site with the time before the date, writer and
    photographer credits, the outlet in parentheses, read-also links and
    sponsored content."""
    d = c.date
    lines = [c.title, "",
             "كتب- %s:" % c.r.choice(["أحمد علي", "مها صلاح"]),
             "تصوير- %s" % c.r.choice(["محمود أبو ديبة", "علاء أحمد"]), "",
             "%s %s %d %s %d" % (c.time12(), WD[d.weekday()], d.day, EG[d.month - 1], d.year), ""]
    b = c.body()
    b[0] = "(مصراوي) - " + b[0] if c.r.random() < 0.5 else b[0]
    lines += b
    lines += ["", "اقرأ أيضا:"] + [t for t, _ in c.related(3)]
    lines += ["", "محتوى مدفوع", "إعلان"]
    return lines


def iq_portal(c):
    """An Iraqi portal: Levantine months with the Gregorian one, a reads
    counter, the editor's name, 'see also' with dates."""
    d = c.date
    lines = ["المدى", "سياسة", "محليات", "", c.title, "",
             "%d/%02d/%02d %s" % (d.year, d.month, d.day, c.time12()),
             "عدد القراءات: %d" % c.r.randint(50, 5000), ""]
    b = c.body()
    b[0] = "بغداد/ المدى " + b[0] if c.r.random() < 0.5 else b[0]
    lines += b
    lines += ["", "المحرر: %s" % c.r.choice(["علي حسين", "زينب كاظم"]), "", "شاهد أيضاً", ""]
    for t, rd in c.related(3):
        lines += ["%d %s %d" % (rd.day, LEV[rd.month - 1], rd.year), t]
    return lines


def pan_arab(c):
    """A pan-Arab channel's site: breadcrumb with slashes, d/m/Y without
    zeros, source line, read-also lines between paragraphs."""
    d = c.date
    lines = ["أخبار/سياسة", "", c.title, "",
             "%d/%d/%d" % (d.day, d.month, d.year), ""]
    lines += c.body(3, lambda: c.r.choice(["إقرأ أيضا: ", "اقرأ أيضا ", "اقرأ أيضاً.. "]) + c.related(1)[0][0])
    lines += ["", "المصدر : الجزيرة + وكالات", "", "الأكثر قراءة", ""]
    for k, (t, _) in enumerate(c.related(4), 1):
        lines += ["%d. %s" % (k, t)]
    return lines


def kw_wire(c):
    """A Kuwaiti wire copy: the agency in parentheses glued to the lead, the
    wire end line and the date at the end."""
    d = c.date
    lines = [c.title, ""]
    b = c.body()
    b[0] = "(كونا) -- " + b[0]
    lines += b
    lines += ["(النهاية)", "ع ب / ا م ع", "", "%02d/%02d/%d %s" % (d.day, d.month, d.year, c.time24())]
    return lines


def sy_agency(c):
    """A Syrian agency: the date above the title with Levantine months, the
    dateline byline line, a telegram line, related topics."""
    d = c.date
    lines = ["سانا", "", "%s، %d %s %d" % (WD[d.weekday()], d.day, LEV[d.month - 1], d.year), "",
             c.title, "", "دمشق-سانا", ""]
    lines += c.body()
    lines += ["", "تابعوا أخبار سانا على تلغرام", "", "مواضيع ذات صلة:", ""]
    for t, rd in c.related(3):
        lines += [t, "%d %s %d" % (rd.day, LEV[rd.month - 1], rd.year)]
    return lines


def gulf_daily(c):
    """A Gulf daily: a relative time above the title, reading time, the full
    date at the end labelled as the publication date, tags."""
    d = c.date
    lines = ["الخليج", "الإمارات", "عربي ودولي", "", "منذ %d ساعات" % c.r.randint(2, 9),
             c.title, "قراءة %d دقائق" % c.r.randint(2, 6), ""]
    lines += c.body()
    lines += ["", "تاريخ النشر: %s %d %s %d %s" % (WD[d.weekday()], d.day, EG[d.month - 1], d.year, c.time24()),
              "الوسوم", "الإمارات  السعودية  دبلوماسية", "", "أخبار ذات صلة", ""]
    for t, rd in c.related(3):
        lines += [t, "%d %s %d" % (rd.day, EG[rd.month - 1], rd.year)]
    return lines


def jo_news_site(c):
    """A Jordanian news site: the outlet and a place glued to the lead,
    d-m-Y with an English 12-hour time and views, related news, comments."""
    d = c.date
    lines = ["عمون", "", c.title, "",
             "%02d-%02d-%d %02d:%02d %s | %d مشاهدة" % (d.day, d.month, d.year, c.r.randint(1, 12), c.r.randint(0, 59), c.r.choice(["AM", "PM"]), c.r.randint(100, 20000)), ""]
    b = c.body()
    b[0] = "عمون - " + b[0]
    lines += b
    lines += ["", "أخبار ذات صلة", ""]
    for t, rd in c.related(3):
        lines += [t, "%02d-%02d-%d" % (rd.day, rd.month, rd.year)]
    lines += ["", "التعليقات", "لا يوجد تعليقات"]
    return lines


def ps_portal(c):
    """A Palestinian portal: a 'تاريخ النشر' line with Arabic-Indic digits,
    the place and outlet glued to the lead, share counters, a tags line."""
    d = c.date
    lines = ["دنيا الوطن", "أخبار فلسطين", "عربي ودولي", "", c.title, "",
             ("تاريخ النشر : %s %d-%02d-%02d" % (WD[d.weekday()], d.year, d.month, d.day)).translate(INDIC) if c.r.random() < 0.5
             else "تاريخ النشر : %s %d-%02d-%02d" % (WD[d.weekday()], d.year, d.month, d.day),
             "%d مشاركة" % c.r.randint(0, 300), ""]
    b = c.body()
    b[0] = "رام الله - دنيا الوطن " + b[0]
    lines += b
    lines += ["", "الوسوم: " + "، ".join(["فلسطين", "سياسة"]), "", "آخر الأخبار", ""]
    for t, rd in c.related(4, (0, 3)):
        lines += [t, "%d-%02d-%02d" % (rd.year, rd.month, rd.day)]
    return lines


def intl_arabic(c):
    """An international broadcaster's Arabic site: the date with both month
    names, image credits inside the body, suggested stories, a numbered most
    read list."""
    d = c.date
    lines = ["الأخبار", "الشرق الأوسط", "", c.title, "",
             "%d %s/ %s %d" % (d.day, EG[d.month - 1], LEV[d.month - 1], d.year), ""]
    b = c.body()
    if len(b) > 1:
        b.insert(1, "صدر الصورة، Getty Images")
        b.insert(2, "التعليق على الصورة،")
    lines += b
    lines += ["", "قصص مقترحة", ""] + [t for t, _ in c.related(2)]
    lines += ["", "الأكثر قراءة", ""]
    for k, (t, _) in enumerate(c.related(5), 1):
        lines += [str(k), t]
    return lines


def scraper_dump(c):
    """A scraper's text dump: field labels, the date as 'منذ' and as an ISO
    timestamp at the end, the author and the tags at the end."""
    d = c.date
    lines = [c.title,
             "منذ %d ساعة" % c.r.randint(1, 23), ""]
    lines += c.body()
    lines += ["", "الكاتب: %s" % c.r.choice(["فريق التحرير", "مراسلنا"]),
              "الوسوم: %s" % "، ".join(["سياسة", "عربي"]),
              "%sT%s:00+03:00" % (d.isoformat(), c.time24())]
    return lines


LAYOUTS = [jo_portal, eg_portal, gulf_wire, sa_agency, lb_daily, ma_portal, dz_daily, wp_theme,
           amp_text, browser_copy, eg_news_site, iq_portal, pan_arab, kw_wire, sy_agency,
           gulf_daily, jo_news_site, ps_portal, intl_arabic, scraper_dump]


def articles():
    """The dev set's articles as (id, (title, date, paragraphs))."""
    gold = json.load(open(devset.GOLD, encoding="utf-8"))
    ids = gold["ids"]
    with tempfile.TemporaryDirectory() as tmp:
        devset.render(ids, tmp)
        out = []
        for i in ids:
            lines = open(os.path.join(tmp, devset.file_name(i)), encoding="utf-8").read().splitlines()
            title, date, paras = lines[0], lines[1], [l for l in lines[2:] if l.strip()]
            if not re.fullmatch(r"\d{4}-\d\d-\d\d", date) or not paras:
                continue
            out.append((i, (title.strip(), datetime.date.fromisoformat(date), paras)))
    return out


def render(outdir):
    os.makedirs(outdir, exist_ok=True)
    arts = articles()
    titles = [(a[0], a[1]) for _, a in arts]
    expected = {}
    for layout in LAYOUTS:
        name = layout.__name__
        for doc_id, art in arts:
            seed = int(hashlib.sha256(("%s|%s" % (name, doc_id)).encode()).hexdigest()[:16], 16)
            others = [t for t in titles if t[0] != art[0]]
            lines = layout(Ctx(art, others, random.Random(seed)))
            fn = "%s__%s" % (name, devset.file_name(doc_id))
            with open(os.path.join(outdir, fn), "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
            expected[fn] = {"headline": art[0], "date": art[1].isoformat(), "layout": name, "part": part_of(name)}
    with open(os.path.join(outdir, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=1)


DIAC = re.compile("[\u064b-\u0652\u0670\u0640]")


def norm(s):
    """As the shared scorer compares headlines: no diacritics or tatweel,
    bare alefs, single spaces."""
    s = DIAC.sub("", s or "").translate(str.maketrans("أإآ", "ااا"))
    return " ".join(s.split())


def score(outdir, out_path, details=False):
    expected = json.load(open(os.path.join(outdir, "expected.json"), encoding="utf-8"))
    docs = json.load(open(out_path, encoding="utf-8"))["documents"]
    got = {os.path.basename(d["file"]): d for d in docs}
    tally = {}
    for fn, e in sorted(expected.items()):
        d = got.get(fn, {})
        h = norm(d.get("headline")) == norm(e["headline"])
        dt = d.get("date") == e["date"]
        for key in (e["part"], "%s/%s" % (e["part"], e["layout"])):
            t = tally.setdefault(key, [0, 0, 0])
            t[0] += 1
            t[1] += h
            t[2] += dt
        if details and e["part"] == "tune" and not (h and dt):
            print("MISS %s headline=%s date=%s (want %s)" % (fn, "ok" if h else repr(d.get("headline")), d.get("date"), e["date"]))
    result = {}
    for key in sorted(tally, key=lambda k: ("/" in k, k)):
        n, h, dt = tally[key]
        # the blind layouts are scored as a whole, never one by one
        if key.startswith("blind/"):
            continue
        print("%-24s items %5d  headline %.3f  date %.3f" % (key, n, h / n, dt / n))
        result[key] = {"items": n, "headline_accuracy": round(h / n, 4), "date_accuracy": round(dt / n, 4)}
    return result


def main(argv):
    if not argv:
        print(__doc__)
        return 2
    if argv[0] == "render" and len(argv) == 2:
        render(argv[1])
    elif argv[0] == "score" and len(argv) >= 3:
        res = score(argv[1], argv[2], "--details" in argv)
        if "--json" in argv:
            print(json.dumps(res))
    elif argv[0] == "layouts":
        for l in LAYOUTS:
            print("%-14s %s" % (l.__name__, part_of(l.__name__)))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
