//! Units: measures (`assets/lexicon/figures/units.tsv`), currencies (`currencies.tsv`) and
//! durations, each with its dimension and how it converts to the dimension's base unit, so
//! that `5 km` and `about 3 miles`, `36 hours` and `a day and a half` can be compared.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// What a figure measures, in kind: values compare only within one dimension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dimension {
    Length,
    Area,
    Speed,
    Temperature,
    Mass,
    Volume,
    Data,
    Power,
    Magnitude,
    Duration,
    Percent,
    Money,
    Count,
}

impl Dimension {
    fn parse(s: &str) -> Option<Dimension> {
        Some(match s {
            "length" => Dimension::Length,
            "area" => Dimension::Area,
            "speed" => Dimension::Speed,
            "temperature" => Dimension::Temperature,
            "mass" => Dimension::Mass,
            "volume" => Dimension::Volume,
            "data" => Dimension::Data,
            "power" => Dimension::Power,
            "magnitude" => Dimension::Magnitude,
            _ => return None,
        })
    }
}

/// A unit of measure: the name figures report and its size in base units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Unit {
    pub name: &'static str,
    pub dim: Dimension,
    pub factor: f64,
}

struct Tables {
    /// surface (one or two words, lower case) → unit
    measures: FxHashMap<&'static str, Unit>,
    /// reported name → unit
    by_name: FxHashMap<&'static str, Unit>,
    /// symbol or code before a number → currency
    symbols: FxHashMap<&'static str, &'static str>,
    /// word after a number → currency
    words: FxHashMap<&'static str, &'static str>,
    /// (adjective, word) → currency
    adjectives: FxHashMap<(&'static str, &'static str), &'static str>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut t = Tables {
        measures: FxHashMap::default(),
        by_name: FxHashMap::default(),
        symbols: FxHashMap::default(),
        words: FxHashMap::default(),
        adjectives: FxHashMap::default(),
    };
    for line in rows(include_str!("../../../assets/lexicon/figures/units.tsv")) {
        let cols: Vec<&'static str> = line.split('\t').collect();
        if let [surface, name, dim, factor] = cols[..]
            && let (Some(dim), Ok(factor)) = (Dimension::parse(dim), factor.parse::<f64>())
        {
            let u = Unit { name, dim, factor };
            t.measures.insert(surface, u);
            t.by_name.entry(name).or_insert(u);
        }
    }
    for line in rows(include_str!("../../../assets/lexicon/figures/currencies.tsv")) {
        let cols: Vec<&'static str> = line.split('\t').collect();
        match cols[..] {
            ["=", adjective, word, code] => {
                t.adjectives.insert((adjective, word), code);
            }
            [code, symbols, words] => {
                for s in symbols.split(' ').filter(|s| !s.is_empty()) {
                    t.symbols.insert(s, code);
                }
                for w in words.split(' ').filter(|w| !w.is_empty()) {
                    t.words.entry(w).or_insert(code);
                }
            }
            _ => {}
        }
    }
    t
});

fn rows(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(str::trim_end).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The unit a word (or two words, `nautical miles`) names, in lower case.
pub fn measure(surface: &str) -> Option<Unit> {
    TABLES.measures.get(surface).copied()
}

/// A unit by the name figures report it with (`km`, `mph`, `C`).
pub fn by_name(name: &str) -> Option<Unit> {
    TABLES.by_name.get(name).copied()
}

/// The currency a symbol or code written before a number names (`$`, `€`, `CZK`, `Rs`).
pub fn currency_symbol(s: &str) -> Option<&'static str> {
    TABLES.symbols.get(s).copied()
}

/// The currency a word after a number names (`euros`, `crowns`), in lower case.
pub fn currency_word(w: &str) -> Option<&'static str> {
    TABLES.words.get(w).copied()
}

/// The currency a country's adjective makes of a shared word (`Swedish crowns` → SEK).
pub fn currency_of(adjective: &str, word: &str) -> Option<&'static str> {
    TABLES.adjectives.get(&(adjective, word)).copied()
}

/// A duration unit (lower case) and its length in seconds.
pub fn duration(w: &str) -> Option<(&'static str, f64)> {
    Some(match w {
        "second" | "seconds" | "sec" | "secs" => ("seconds", 1.0),
        "minute" | "minutes" | "min" | "mins" => ("minutes", 60.0),
        "hour" | "hours" | "hr" | "hrs" => ("hours", 3600.0),
        "day" | "days" => ("days", 86_400.0),
        "week" | "weeks" => ("weeks", 604_800.0),
        "fortnight" | "fortnights" => ("weeks", 1_209_600.0),
        "month" | "months" => ("months", 2_629_800.0),
        "year" | "years" => ("years", 31_557_600.0),
        "decade" | "decades" => ("decades", 315_576_000.0),
        "century" | "centuries" => ("centuries", 3_155_760_000.0),
        _ => return None,
    })
}

/// `value` in `unit` as its dimension's base unit (Celsius for temperatures).
pub fn to_base(value: f64, unit: &str) -> Option<(Dimension, f64)> {
    if let Some((_, s)) = duration(unit) {
        return Some((Dimension::Duration, value * s));
    }
    let u = by_name(unit)?;
    if u.dim == Dimension::Temperature {
        return match u.name {
            "F" => Some((Dimension::Temperature, (value - 32.0) * 5.0 / 9.0)),
            _ => Some((Dimension::Temperature, value)),
        };
    }
    Some((u.dim, value * u.factor))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_convert_within_their_dimension() {
        let (d, km) = to_base(5.0, "km").unwrap();
        let (d2, mi) = to_base(3.1, "miles").unwrap();
        assert_eq!(d, d2);
        assert!((km - mi).abs() / km < 0.01, "5 km is about 3.1 miles");
        let (_, c) = to_base(106.2, "F").unwrap();
        assert!((c - 41.2).abs() < 0.05);
        assert_eq!(measure("nautical miles").map(|u| u.name), Some("nautical miles"));
        assert_eq!(to_base(36.0, "hours").map(|x| x.1), to_base(1.5, "days").map(|x| x.1));
        assert_eq!(measure("mph").map(|u| u.dim), Some(Dimension::Speed));
    }

    #[test]
    fn currencies_by_symbol_code_word_and_adjective() {
        assert_eq!(currency_symbol("€"), Some("EUR"));
        assert_eq!(currency_symbol("CZK"), Some("CZK"));
        assert_eq!(currency_word("crowns"), Some("CZK"));
        assert_eq!(currency_of("swedish", "crowns"), Some("SEK"));
        assert_eq!(currency_word("euros"), Some("EUR"));
    }
}
