//! The word classes a frame is read with: markers of forecasts and earlier events, the
//! words a look passes over, the events a quantity may have.

/// A word's part in a figure's clause: what the markers below make of it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Marker {
    Forecast,
    Earlier,
    Other,
}

/// The single-word markers of a clause, in one map (a figure's clause asks for every word).
pub(super) static MARKERS: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, Marker>> =
    std::sync::LazyLock::new(|| {
        let mut m = rustc_hash::FxHashMap::default();
        for w in FORECAST {
            m.insert(*w, Marker::Forecast);
        }
        for w in EARLIER {
            m.insert(*w, Marker::Earlier);
        }
        for w in ["another", "separate", "elsewhere", "unrelated"] {
            m.insert(w, Marker::Other);
        }
        m
    });

/// The markers' shapes: most words of a clause are out in one look.
pub(super) static MARKER_SHAPES: std::sync::LazyLock<crate::text::shape::Shapes> =
    std::sync::LazyLock::new(|| crate::text::shape::Shapes::new(MARKERS.keys().copied()));

/// Words marking a forecast, target or expectation in a figure's clause.
pub(super) const FORECAST: &[&str] = &[
    "forecast",
    "forecasts",
    "forecasting",
    "expects",
    "expected",
    "expectation",
    "expectations",
    "projected",
    "projection",
    "projections",
    "predicted",
    "predicts",
    "prediction",
    "target",
    "goal",
    "guidance",
    "outlook",
    "estimate",
    "estimates",
    "sees",
    "anticipates",
    "anticipated",
    "consensus",
];

/// Words marking an earlier event or period in a figure's clause.
pub(super) const EARLIER: &[&str] = &[
    "previous",
    "previously",
    "former",
    "prior",
    "earlier",
    "year-earlier",
    "year-ago",
    "old",
    "then-record",
    "initially",
    "originally",
];

/// Words between a figure and a following event word that do not end the link
/// (`were killed`, `have been evacuated`, `reportedly died`).
pub(super) static AUX: crate::text::shape::ShapedList = crate::text::shape::ShapedList::new(&[
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "had",
    "been",
    "being",
    "be",
    "reportedly",
    "also",
    "later",
    "all",
    "who",
    "which",
    "that",
    "now",
    "then",
    "got",
    "had",
    "already",
    "initially",
    "officially",
    "confirmed",
    "feared",
    "believed",
    "thought",
    "said",
    "to",
    "would",
    "will",
    "could",
    "may",
    "might",
    "remain",
    "remained",
    "remains",
    "still",
    "people",
    "more",
    "others",
    "other",
    "in",
    "on",
    "of",
    "the",
    "their",
    "its",
]);

/// Words before a figure that do not end the link to an event word further back
/// (`the death toll rose to 11`, `the evacuation of about 90,000`).
pub(super) static BACK_SKIP: crate::text::shape::ShapedList = crate::text::shape::ShapedList::new(&[
    "the",
    "a",
    "an",
    "of",
    "to",
    "at",
    "stood",
    "rose",
    "reached",
    "hit",
    "was",
    "is",
    "climbed",
    "now",
    "had",
    "has",
    "risen",
    "been",
    "jumped",
    "stands",
    "put",
    "puts",
    "increased",
    "mounted",
    "total",
    "number",
    "figure",
    "official",
    "overall",
    "final",
    "some",
    "its",
    "their",
    "his",
    "her",
    "from",
    "by",
]);

/// What a bare number counts under an event that is not a person's: a power cut is
/// counted in customers, cuts in jobs.
pub(super) fn implied_class(event: &str) -> Option<&'static str> {
    match event {
        e if crate::analysis::figures::words::counts_people(e) => Some("people"),
        "power_out" | "restored" => Some("customers"),
        "cut" | "hired" => Some("jobs"),
        _ => None,
    }
}

/// The events of what is counted, paid or shared: not a time's, a measure's or a person's.
pub(super) static QUANTITY_EVENTS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    const NOT: &[&str] = &[
        "began",
        "ended",
        "met",
        "speed",
        "limit",
        "winds",
        "rain",
        "temperature",
        "height",
        "depth",
        "distance",
        "length",
        "margin",
        "finished",
        "age",
        "magnitude",
        "lasted",
    ];
    super::super::words::event_classes().into_iter().filter(|c| !NOT.contains(c)).collect()
});

/// Which events a figure may take: any, a measure's few, or the quantities' (a set: they
/// are many, and every event word near a figure is checked).
#[derive(Clone, Copy)]
pub(super) enum Allowed {
    Any,
    These(&'static [&'static str]),
    Quantities,
}

impl Allowed {
    pub(super) fn admits(self, event: &str) -> bool {
        match self {
            Allowed::Any => true,
            Allowed::These(list) => list.contains(&event),
            Allowed::Quantities => QUANTITY_SET.contains(event),
        }
    }
}

pub(super) static QUANTITY_SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| QUANTITY_EVENTS.iter().copied().collect());

/// The events a measure in one dimension can have, and its default.
pub(super) fn measure_events(unit: &str) -> Option<(&'static [&'static str], Option<&'static str>)> {
    use super::super::units::Dimension as D;
    if unit == "years old" {
        return Some((&["age"], Some("age")));
    }
    let (dim, _) = super::super::units::to_base(1.0, unit)?;
    Some(match dim {
        D::Speed => (&["speed", "limit", "winds"], Some("speed")),
        D::Temperature => (&["temperature"], Some("temperature")),
        D::Magnitude => (&["magnitude"], Some("magnitude")),
        D::Length => (&["height", "depth", "distance", "length", "rain", "winds"], None),
        D::Duration => (&["margin", "finished", "won", "lasted", "held", "closed", "age"], None),
        _ => return None,
    })
}
