//! Page chrome in scraped text: what copying a news page from a browser or
//! a scraper leaves around the article. Breadcrumbs, menus, share buttons
//! and counters, credits, tags, relative times, wire end codes and the
//! headers of related-link blocks are recognized by their own shape, never
//! by a site's name; a block's header makes the rest of the page's tail
//! related links.

use super::boilerplate::letters_prefix;
use super::{BoilerplateKind, Line};

/// Words of the match normalization that label a block of links to other
/// stories (the whole header line is at most a few words).
const RELATED_HEADERS: &[&str] = &[
    "احدث الاخبار",
    "اخر الاخبار",
    "اهم الاخبار",
    "الاكثر",
    "اخبار متعلقه",
    "اخبار ذات صله",
    "الاخبار ذات الصله",
    "ذات صله",
    "مواضيع ذات صله",
    "مقالات ذات صله",
    "مواضيع متعلقه",
    "المزيد من الاخبار",
    "المزيد من",
    "شاهد ايضا",
    "اقرا ايضا",
    "اقرا كذلك",
    "قصص مقترحه",
    "مقترحات",
    "مرتبط",
    "اخترنا لك",
    "قد يعجبك ايضا",
    "قد يهمك ايضا",
    "المقاله السابقه",
    "المقاله التاليه",
    "الخبر السابق",
    "الخبر التالي",
    "اخبار اخري",
    "related",
    "more news",
    "most read",
    "latest news",
];

/// Whole lines that are menu entries or page furniture.
const NAVIGATION: &[&str] = &[
    "الرئيسيه",
    "الصفحه الرئيسيه",
    "تخطي الي المحتوي",
    "انتقل الي المحتوي",
    "تسجيل الدخول",
    "تسجيل الخروج",
    "اشترك",
    "بحث",
    "ابحث",
    "القائمه",
    "اتصل بنا",
    "من نحن",
    "سياسه الخصوصيه",
    "شروط الاستخدام",
    "اعلن معنا",
    "عرض النسخه الكامله",
    "النسخه الكامله",
    "محتوي مدفوع",
    "اعلان",
    "اعلانات",
    "menu",
    "home",
    "search",
];

/// Share, print and follow buttons (whole lines).
const SHARE: &[&str] = &[
    "gnews",
    "google news",
    "طباعه",
    "ارسال لصديق",
    "ارسل لصديق",
    "ارسال",
    "شارك هذا الموضوع",
    "شارك هذا المقال",
    "شارك علي",
    "مشاركه علي",
    "تويتر",
    "فيس بوك",
    "فيسبوك",
    "يوتيوب",
    "واتساب",
    "تلغرام",
    "تليجرام",
    "انستغرام",
    "لينكدان",
    "a a",
    "معجب بهذه",
    "اعجاب تحميل",
    "نسخ الرابط",
    "حفظ",
];

/// Nouns counted by a counter line ("0 تعليق", "عدد القراءات: 120").
const COUNTED: &[&str] = &[
    "تعليق",
    "تعليقات",
    "التعليقات",
    "مشاهده",
    "مشاهدات",
    "المشاهدات",
    "قراءه",
    "قراءات",
    "القراءات",
    "مشاركه",
    "مشاركات",
    "اعجاب",
    "views",
    "comments",
    "shares",
];

/// Labels of credit lines (who wrote, edited, translated or photographed).
const CREDITS: &[&str] = &[
    "تحرير",
    "المحرر",
    "محرر",
    "الكاتب",
    "الكاتبه",
    "بواسطه",
    "كتب",
    "كتبت",
    "بقلم",
    "اعداد",
    "ترجمه",
    "تصوير",
    "مراسلنا",
    "مراسل",
    "by",
];

/// Labels of tags lines.
const TAGS: &[&str] = &[
    "الكلمات المفتاحيه",
    "كلمات مفتاحيه",
    "الوسوم",
    "وسوم",
    "الكلمات الدلاليه",
    "كلمات دلاليه",
    "تاغ",
    "tags",
];

/// Units of a relative time ("منذ 3 ساعات").
const TIME_UNITS: &[&str] = &[
    "ساعه",
    "ساعات",
    "ساعتين",
    "دقيقه",
    "دقائق",
    "دقيقتين",
    "يوم",
    "ايام",
    "يومين",
    "اسبوع",
    "اسابيع",
    "شهر",
    "ثانيه",
    "ثوان",
];

/// The words of section names ("أخبار عربية ودولية", "محليات"), without
/// ال or و: a short line made of them only is a menu entry.
const SECTIONS: &[&str] = &[
    "اخبار",
    "خبر",
    "عربي",
    "عربيه",
    "دولي",
    "دوليه",
    "عالم",
    "عالمي",
    "محلي",
    "محليه",
    "محليات",
    "سياسه",
    "اقتصاد",
    "رياضه",
    "منوعات",
    "ثقافه",
    "فن",
    "فنون",
    "تكنولوجيا",
    "علوم",
    "صحه",
    "مقالات",
    "كتاب",
    "اراء",
    "راي",
    "فيديو",
    "صور",
    "تقارير",
    "حوارات",
    "مجتمع",
    "ملفات",
    "مال",
    "اعمال",
    "سياحه",
    "بيئه",
    "اسلاميات",
    "مرأه",
    "مراه",
    "شباب",
    "تعليم",
    "حوادث",
];

/// A short line of section names only.
fn is_section_menu(words: &[&str]) -> bool {
    !words.is_empty()
        && words.len() <= 4
        && words.iter().all(|w| {
            let w = w
                .strip_prefix('و')
                .filter(|r| r.chars().count() >= 2)
                .unwrap_or(w);
            let w = w
                .strip_prefix("ال")
                .filter(|r| r.chars().count() >= 2)
                .unwrap_or(w);
            SECTIONS.contains(&w)
        })
}

/// The longest chrome line, in words (breadcrumbs may be longer).
const MAX_WORDS: usize = 8;

/// The kind of a short line of page chrome, by its shape alone.
pub(crate) fn chrome_kind(line: &Line) -> Option<BoilerplateKind> {
    use BoilerplateKind::*;
    if line.words > 14 {
        return None;
    }
    let (letters, _) = letters_prefix(&line.norm, 200);
    if is_breadcrumb(&line.norm) {
        return Some(Breadcrumb);
    }
    if line.words > MAX_WORDS {
        return None;
    }
    let words: Vec<&str> = letters.split(' ').filter(|w| !w.is_empty()).collect();
    let l = letters.as_str();
    if NAVIGATION.contains(&l) || is_section_menu(&words) {
        return Some(Navigation);
    }
    if SHARE.contains(&l) || words.first().is_some_and(|w| w.starts_with("تابعو")) {
        return Some(Share);
    }
    if TAGS.iter().any(|t| starts_with_words(l, t)) {
        return Some(Tags);
    }
    if is_counter(l, &words) {
        return Some(Counter);
    }
    if is_relative_time(&words) {
        return Some(DateLine);
    }
    if line.words <= 6 && CREDITS.iter().any(|c| starts_with_words(l, c)) {
        let labelled = line.norm[CREDITS
            .iter()
            .find(|c| line.norm.starts_with(*c))
            .map_or(0, |c| c.len())..]
            .trim_start()
            .starts_with([':', '-', '/', '–']);
        // "كتب فلان", "تحرير: فلان"; a sentence has a verb after its subject
        if labelled || line.words <= 4 {
            return Some(Credit);
        }
    }
    if is_related_header(l, line.words) {
        return Some(RelatedHeadlines);
    }
    None
}

/// `s` is `p` or opens with the words of `p`.
fn starts_with_words(s: &str, p: &str) -> bool {
    s.strip_prefix(p)
        .is_some_and(|r| r.is_empty() || r.starts_with(' '))
}

/// A header of a block of related links ("الأكثر قراءة", "أخبار ذات صلة").
pub(crate) fn is_related_header(letters: &str, words: usize) -> bool {
    words <= 5
        && RELATED_HEADERS
            .iter()
            .any(|h| starts_with_words(letters, h) || letters.ends_with(h))
}

/// A path of sections: "الرئيسية > أخبار > عربي ودولي", "أخبار/سياسة".
fn is_breadcrumb(norm: &str) -> bool {
    // «...» in that order quote a name (جمعية «نقاء» و«حياة»): no separators
    let quotes = norm.find('«').is_some_and(|a| norm[a..].contains('»'));
    let strong: &[char] = if quotes {
        &['>', '›', '<', '‹']
    } else {
        &['>', '»', '›', '«', '<', '‹']
    };
    let pieces: Vec<&str> = norm.split(|c| strong.contains(&c)).collect();
    let short = |ps: &[&str]| {
        ps.iter().all(|p| {
            let w = p.split_whitespace().count();
            (1..=4).contains(&w) && !p.bytes().any(|b| b.is_ascii_digit()) && !p.contains('.')
        })
    };
    if pieces.len() >= 2 && short(&pieces) {
        return true;
    }
    // slashes are also bylines ("بغداد/ واع"): a path opens with its home
    let pieces: Vec<&str> = norm.split('/').collect();
    let first = pieces[0].trim();
    pieces.len() >= 2 && short(&pieces) && ["الرئيسيه", "اخبار", "الاخبار", "home"].contains(&first)
}

/// "0 تعليق", "عدد القراءات: 1234", "قراءة 3 دقائق", "لا يوجد تعليقات".
fn is_counter(l: &str, words: &[&str]) -> bool {
    let counted = |w: &&str| COUNTED.contains(w);
    if words.len() > 5 || !words.iter().any(counted) {
        return false;
    }
    let has_number = words.iter().any(|w| w.bytes().all(|b| b.is_ascii_digit()));
    has_number
        || l.starts_with("لا يوجد")
        || l.starts_with("لا توجد")
        || l.starts_with("اضف")
        || l.starts_with("اترك")
        || (words.len() == 1 && ["التعليقات", "تعليقات", "comments"].contains(&words[0]))
}

/// "منذ 3 ساعات", "منذ ساعتين", "قبل 5 دقائق".
fn is_relative_time(words: &[&str]) -> bool {
    words.len() <= 4
        && matches!(words.first(), Some(&"منذ") | Some(&"قبل"))
        && words[1..].iter().any(|w| TIME_UNITS.contains(w))
        && words[1..]
            .iter()
            .all(|w| TIME_UNITS.contains(w) || w.bytes().all(|b| b.is_ascii_digit()))
}

/// A wire service's closing code ("ع ا / ع ا", "(النهاية)", "//انتهى//").
pub(crate) fn is_wire_end(line: &Line) -> bool {
    let (letters, _) = letters_prefix(&line.norm, 64);
    if ["انتهي", "النهايه", "انتهى", "end"].contains(&letters.as_str()) {
        return true;
    }
    line.words >= 2
        && line.words <= 8
        && line.norm.contains('/')
        && letters
            .split(' ')
            .all(|w| w.chars().count() <= 2 && !w.bytes().any(|b| b.is_ascii_digit()))
}
