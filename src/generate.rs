//! A deterministic corpus generator for benchmarks and scale tests: N articles of about W
//! words from a seed, with varied names, places, numbers, quotes and layouts. No downloads.
#![expect(clippy::indexing_slicing, reason = "indices are drawn below the list's length")]

use crate::analysis::lexicon::lexicon;

/// xorshift64*: small, fast and the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "ren", "vi", "mar", "to", "sel", "an", "dor", "bek", "ish", "ul", "na", "gor", "tin", "es", "ova",
    "son", "berg", "ez",
];
const TOPICS: &[(&str, &str, &str)] = &[
    ("flood", "people", "displaced"),
    ("earthquake", "people", "killed"),
    ("strike", "workers", "joined"),
    ("election", "votes", "counted"),
    ("fire", "homes", "destroyed"),
    ("summit", "delegates", "attended"),
];
const VERBS: &[&str] = &["said", "told reporters", "added", "wrote on X", "stated"];
const FILLER: &[&str] = &[
    "The situation remained tense throughout the day as officials weighed their next steps.",
    "Residents gathered near the main square to hear the latest updates from the authorities.",
    "Analysts cautioned that the full picture would take several weeks to emerge.",
    "Local businesses reported disruption to supply chains and deliveries across the region.",
    "Aid organisations appealed for more volunteers and for donations of food and water.",
    "The government promised a full review once the immediate emergency had passed.",
];

fn surname(r: &mut Rng) -> String {
    let n = 2 + r.below(2);
    let s: String = (0..n).map(|_| *r.pick(SYLLABLES)).collect();
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

fn number(r: &mut Rng) -> String {
    let v = 10 + r.below(90_000);
    if v >= 1000 { format!("{},{:03}", v / 1000, v % 1000) } else { v.to_string() }
}

/// Given names and city names, sorted once so that generation does not depend on hash order.
static POOLS: std::sync::LazyLock<(Vec<&'static str>, Vec<&'static str>)> = std::sync::LazyLock::new(|| {
    let lex = lexicon();
    let mut given: Vec<&str> = lex.given.iter().map(String::as_str).collect();
    given.sort_unstable();
    let mut places: Vec<&str> =
        lex.places.values().filter(|p| p.kind == "capital" || p.kind == "city").map(|p| p.canonical.as_str()).collect();
    places.sort_unstable();
    places.dedup();
    (given, places)
});

/// One article: a file name and its text, in one of several layouts.
pub fn article(seed: u64, index: usize, words: usize) -> (String, String) {
    let (given, places) = &*POOLS;
    let mut r = Rng::new(seed ^ (index as u64).wrapping_mul(0x1000_0001));
    let cap = |s: &str| {
        let mut c = s.chars();
        c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
    };
    let people: Vec<(String, String)> = (0..3).map(|_| (cap(r.pick::<&str>(given)), surname(&mut r))).collect();
    let place = r.pick(places).to_string();
    let (topic, unit, event) = *r.pick(TOPICS);
    let title = format!("{} in {place} leaves {} {unit} {event}", cap(topic), number(&mut r));
    let mut paras: Vec<String> = Vec::new();
    let mut count = 0;
    while count < words {
        let (g, s) = r.pick(&people).clone();
        let p = match r.below(5) {
            0 => format!(
                "Officials in {place} said {} {unit} were {event} after the {topic} on {}.",
                number(&mut r),
                r.pick(&["Monday", "Tuesday", "Friday", "Sunday"])
            ),
            1 => format!(
                "\u{201c}We need help now, and we need it quickly,\u{201d} {g} {s} {}. {}",
                r.pick(VERBS),
                r.pick(FILLER)
            ),
            2 => format!(
                "{s} told reporters that damage could cost ${} million, up {}% on earlier estimates.",
                1 + r.below(900),
                1 + r.below(40)
            ),
            3 => format!(
                "According to {g} {s}, \"the next {} days will decide everything.\" {}",
                2 + r.below(12),
                r.pick(FILLER)
            ),
            _ => format!("{} {}", r.pick(FILLER), r.pick(FILLER)),
        };
        count += p.split_whitespace().count();
        paras.push(p);
    }
    let (y, m, d) = (2015 + r.below(10), 1 + r.below(12), 1 + r.below(28));
    let author = format!("{} {}", cap(r.pick::<&str>(given)), surname(&mut r));
    match index % 3 {
        0 => (
            format!("a{index:06}.txt"),
            format!("{title}\nBy {author}\nPublished {y}-{m:02}-{d:02}\n\n{}\n", paras.join("\n\n")),
        ),
        1 => (
            format!("a{index:06}.md"),
            format!(
                "---\ntitle: {title}\ndate: {y}-{m:02}-{d:02}\nauthor: {author}\nsource: Generated Wire\n---\n\n{}\n",
                paras.join("\n\n")
            ),
        ),
        _ => (
            format!("a{index:06}.html"),
            format!(
                "<html><head><meta property=\"og:title\" content=\"{title}\"><meta name=\"author\" content=\"{author}\"><meta property=\"article:published_time\" content=\"{y}-{m:02}-{d:02}\"></head><body><nav>Home News</nav><article>{}</article></body></html>\n",
                paras.iter().map(|p| format!("<p>{}</p>", p.replace('"', "&quot;"))).collect::<String>()
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_varied() {
        assert_eq!(article(7, 3, 500), article(7, 3, 500));
        assert_ne!(article(7, 3, 500), article(8, 3, 500));
        let (name, text) = article(1, 0, 500);
        assert!(name.ends_with(".txt"));
        assert!(text.split_whitespace().count() >= 500);
        assert!(article(1, 1, 100).0.ends_with(".md") && article(1, 2, 100).0.ends_with(".html"));
    }
}
