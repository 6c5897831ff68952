//! Page furniture: navigation words, counters, menus of section names, image credits and
//! captions. None of it is the article, and none of it names its date, author or outlet.

/// Words that make up page chrome rather than an article.
const DEBRIS: &[&str] = &[
    "back",
    "share",
    "tweet",
    "email",
    "print",
    "advertisement",
    "ad",
    "menu",
    "home",
    "subscribe",
    "comments",
    "comment",
    "read more",
    "related",
    "related articles",
    "more",
    "close",
    "search",
    "log in",
    "login",
    "sign in",
    "sign up",
    "follow us",
    "share this",
    "share this article",
    "listen",
    "listen to this article",
    "copy link",
    "next",
    "previous",
    "top",
    "skip to content",
];

/// Labels that open an image credit, a caption or a note on the print edition.
const CREDIT_LABELS: &[&str] = &[
    "source:",
    "photo:",
    "photos:",
    "image:",
    "images:",
    "credit:",
    "photo credit:",
    "image credit:",
    "picture:",
    "pictured:",
    "file photo:",
    "photo caption:",
    "caption:",
    "[image:",
    "[photo:",
    "(photo:",
    "print edition:",
    "illustration:",
    "video:",
    "watch:",
    "listen:",
];

/// Strips list bullets and surrounding space.
pub fn clean_line(s: &str) -> &str {
    s.trim().trim_start_matches(['•', '·', '*', '-', '–', '|', '>']).trim()
}

pub fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Page debris: lone letters, navigation words, view counters.
pub fn is_debris(line: &str) -> bool {
    let l = clean_line(line);
    if l.is_empty() {
        return true;
    }
    if l.chars().filter(|c| c.is_alphanumeric()).take(3).count() <= 2 && !l.chars().any(|c| c.is_ascii_digit()) {
        return true;
    }
    // debris is short (a label, a counter); prose is not lower-cased just to be told apart
    if l.len() > 48 {
        return false;
    }
    let lower = l.to_lowercase();
    if DEBRIS.contains(&lower.trim_end_matches([':', '.', '»', '›']).trim()) {
        return true;
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    // `1,234 views`, `views`, `5 min read`
    if words.last().is_some_and(|w| *w == "views" || *w == "read") && words.len() <= 3 {
        return true;
    }
    false
}

/// A run of section names (`World Europe Politics`): all capitalised, short, no function words.
pub fn is_menu_line(line: &str) -> bool {
    let l = clean_line(line);
    let words: Vec<&str> = l.split_whitespace().collect();
    if words.is_empty() || words.len() > 7 || l.ends_with(['.', '!', '?', ':', '"', '”']) {
        return false;
    }
    const FUNCTION: &[&str] = &[
        "to", "of", "in", "on", "with", "for", "and", "the", "a", "an", "at", "by", "from", "as", "is", "are", "be",
        "after", "over",
    ];
    // section names are words: a line with figures in it is not a menu
    words.iter().all(|w| {
        let first = w.chars().next().unwrap_or(' ');
        let symbol = !w.chars().any(char::is_alphanumeric);
        (first.is_uppercase() || symbol)
            && !w.chars().any(|c| c.is_ascii_digit())
            && !FUNCTION.contains(&w.to_lowercase().as_str())
    })
}

/// A breadcrumb of sections (`Site > World > Europe`).
pub fn is_breadcrumb(line: &str) -> bool {
    let l = clean_line(line);
    let parts: Vec<&str> = l.split(['>', '›', '»']).map(str::trim).collect();
    parts.len() >= 2 && parts.iter().all(|p| !p.is_empty() && word_count(p) <= 4 && is_menu_line(p))
}

/// An image credit or caption such as `Source: Agency/Photographer`, `Pictured: ...`.
pub fn is_credit(line: &str) -> bool {
    let lower = clean_line(line).to_lowercase();
    let labelled = CREDIT_LABELS.iter().any(|p| lower.starts_with(p));
    // a caption may run long; the label says what it is
    labelled
        && (word_count(line) <= 12
            || lower.starts_with('[')
            || lower.contains("caption")
            || lower.starts_with("pictured"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debris_lines() {
        for l in ["x", "Back", "  Share ", "1,204 views", "• Menu"] {
            assert!(is_debris(l), "{l}");
        }
        assert!(!is_debris("Oslo"));
        assert!(is_menu_line("World Europe Business"));
        assert!(!is_menu_line("Storm Hits Coast With Heavy Rain"));
        assert!(!is_menu_line("The storm hit the coast."));
        assert!(!is_menu_line("Shortfall: CZK 318bn (€13bn)"), "a line of figures is not a menu");
        assert!(is_breadcrumb("Harbour Post > News > Coast"));
        assert!(!is_breadcrumb("Prices > expectations"));
    }

    #[test]
    fn credits_and_captions() {
        assert!(is_credit("Photo: Ann Lee/Agency"));
        assert!(is_credit(
            "[Image: A crane lifts the last span of the bridge over the river at dawn. Photograph: Ann Lee]"
        ));
        assert!(is_credit(
            "Photo caption: Crews work through the night to clear the line near the junction (JO KIM / DAILY NEWS)"
        ));
        assert!(is_credit("Print edition: Metro, page 4"));
        assert!(!is_credit(
            "Photographs of the storm were shared widely on Monday, officials said, as the clean-up began."
        ));
    }
}
