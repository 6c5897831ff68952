//! Colours: a dark and a light palette, config overrides, and `NO_COLOR`.

use crate::analysis::Kind;
use crate::config;
use ratatui::style::{Color, Modifier, Style};
use std::str::FromStr;

#[derive(Clone, Debug)]
pub struct Theme {
    pub color: bool,
    pub person: Style,
    pub place: Style,
    pub organization: Style,
    pub other: Style,
    pub quote: Style,
    pub figure: Style,
    pub conflict: Style,
    pub selection: Style,
    pub dim: Style,
    pub matched: Style,
    /// The search match `n` / `N` stands on: unlike the others.
    pub current_match: Style,
    pub title: Style,
    pub header: Style,
    pub marked: Style,
    pub shared: Vec<Color>,
}

impl Theme {
    pub fn from_config(t: &config::Theme, no_color: bool) -> Theme {
        if no_color {
            return Theme::plain();
        }
        let light = t.name == "light";
        let c = |dark: Color, lightc: Color, o: &Option<String>| -> Color {
            o.as_deref().and_then(|s| Color::from_str(s).ok()).unwrap_or(if light { lightc } else { dark })
        };
        // on white, only dark colours read: no bright cyan, green or yellow, no light grey
        Theme {
            color: true,
            person: Style::new()
                .fg(c(Color::LightCyan, Color::Rgb(0, 70, 160), &t.person))
                .add_modifier(Modifier::BOLD),
            place: Style::new().fg(c(Color::LightGreen, Color::Rgb(0, 110, 0), &t.place)),
            organization: Style::new().fg(c(Color::LightMagenta, Color::Rgb(140, 0, 140), &t.organization)),
            other: Style::new().fg(c(Color::LightYellow, Color::Rgb(130, 90, 0), &t.other)),
            quote: Style::new().fg(c(Color::Yellow, Color::Rgb(140, 70, 0), &t.quote)).add_modifier(Modifier::ITALIC),
            figure: Style::new().fg(c(Color::LightBlue, Color::Blue, &t.figure)).add_modifier(Modifier::UNDERLINED),
            conflict: Style::new()
                .fg(Color::White)
                .bg(c(Color::Red, Color::Rgb(190, 0, 0), &t.conflict))
                .add_modifier(Modifier::BOLD),
            selection: Style::new().bg(c(Color::DarkGray, Color::Rgb(210, 210, 210), &t.selection)),
            dim: Style::new().fg(if light { Color::Rgb(90, 90, 90) } else { Color::DarkGray }),
            matched: Style::new().bg(Color::Yellow).fg(Color::Black),
            current_match: Style::new().bg(Color::Rgb(255, 120, 0)).fg(Color::Black).add_modifier(Modifier::BOLD),
            title: Style::new().add_modifier(Modifier::BOLD),
            header: Style::new().fg(if light { Color::Rgb(70, 70, 70) } else { Color::Gray }),
            marked: Style::new()
                .fg(if light { Color::Rgb(170, 80, 0) } else { Color::LightYellow })
                .add_modifier(Modifier::BOLD),
            // distinct hues, none the figures' blue; past them a number marks the rest
            shared: if light {
                vec![
                    Color::Rgb(0, 110, 130),
                    Color::Rgb(0, 120, 40),
                    Color::Rgb(150, 0, 150),
                    Color::Rgb(150, 90, 0),
                    Color::Rgb(190, 60, 0),
                    Color::Rgb(90, 60, 170),
                    Color::Rgb(170, 0, 80),
                    Color::Rgb(100, 110, 0),
                    Color::Rgb(0, 90, 80),
                    Color::Rgb(120, 60, 40),
                ]
            } else {
                vec![
                    Color::LightCyan,
                    Color::LightGreen,
                    Color::LightMagenta,
                    Color::LightYellow,
                    Color::Rgb(255, 165, 0),
                    Color::Rgb(135, 255, 175),
                    Color::Rgb(255, 135, 215),
                    Color::Rgb(190, 150, 255),
                    Color::Rgb(215, 255, 100),
                    Color::Rgb(255, 190, 150),
                ]
            },
        }
    }

    /// No colours at all: bold, underline, italics and reverse carry the meaning.
    pub fn plain() -> Theme {
        let s = Style::new();
        Theme {
            color: false,
            person: s.add_modifier(Modifier::BOLD),
            place: s.add_modifier(Modifier::UNDERLINED),
            organization: s.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            other: s.add_modifier(Modifier::DIM | Modifier::UNDERLINED),
            quote: s.add_modifier(Modifier::ITALIC),
            // reversed, not underlined: a figure never looks like a place; a conflicting one
            // is bold besides and marked `≠`
            figure: s.add_modifier(Modifier::REVERSED),
            conflict: s.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selection: s.add_modifier(Modifier::REVERSED),
            dim: s.add_modifier(Modifier::DIM),
            matched: s.add_modifier(Modifier::REVERSED),
            current_match: s.add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
            title: s.add_modifier(Modifier::BOLD),
            header: s,
            marked: s.add_modifier(Modifier::BOLD),
            shared: Vec::new(),
        }
    }

    pub fn kind(&self, k: Kind) -> Style {
        match k {
            Kind::Person => self.person,
            Kind::Place => self.place,
            Kind::Organization => self.organization,
            Kind::Other => self.other,
        }
    }

    /// One colour per shared entity, the same in both panes.
    pub fn shared(&self, i: usize) -> Style {
        match self.shared.get(i % self.shared.len().max(1)) {
            Some(c) if self.color => Style::new().fg(*c).add_modifier(Modifier::BOLD),
            _ => Style::new().add_modifier(Modifier::BOLD | Modifier::ITALIC),
        }
    }

    /// The number after a shared entity's mentions once the palette is used up (or when
    /// there are no colours): `¹²`, the same in both panes.
    pub fn shared_mark(&self, i: usize) -> Option<String> {
        if self.color && i < self.shared.len() {
            return None;
        }
        const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
        Some((i + 1).to_string().chars().filter_map(|d| d.to_digit(10).and_then(|d| DIGITS.get(d as usize))).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn styles(t: &Theme) -> Vec<Style> {
        let mut all = vec![
            t.person,
            t.place,
            t.organization,
            t.other,
            t.quote,
            t.figure,
            t.selection,
            t.dim,
            t.title,
            t.header,
            t.marked,
        ];
        all.extend((0..t.shared.len()).map(|i| t.shared(i)));
        all
    }

    #[test]
    fn the_light_theme_has_no_pale_text() {
        let config = config::Theme { name: "light".into(), ..config::Theme::default() };
        let t = Theme::from_config(&config, false);
        let pale = [Color::LightCyan, Color::LightGreen, Color::LightYellow, Color::Yellow, Color::Gray, Color::White];
        for s in styles(&t) {
            assert!(!s.fg.is_some_and(|c| pale.contains(&c)), "{s:?} is pale on white");
        }
    }

    #[test]
    fn shared_colours_are_distinct_and_never_the_figures() {
        for name in ["dark", "light"] {
            let t = Theme::from_config(&config::Theme { name: name.into(), ..config::Theme::default() }, false);
            assert!(t.shared.len() >= 10);
            let mut seen = std::collections::HashSet::new();
            for (i, c) in t.shared.iter().enumerate() {
                assert!(seen.insert(*c), "{name}: colour {i} repeats");
                assert_ne!(Some(*c), t.figure.fg, "{name}: a shared entity looks like a figure");
                assert_eq!(t.shared_mark(i), None);
            }
            assert_eq!(t.shared_mark(t.shared.len()).as_deref(), Some("¹¹"));
        }
    }

    #[test]
    fn without_colour_places_figures_and_shared_entities_differ() {
        let t = Theme::plain();
        let kinds = [t.place, t.figure, t.conflict, t.shared(0), t.person, t.organization];
        for (i, a) in kinds.iter().enumerate() {
            for b in &kinds[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_eq!(t.shared_mark(0).as_deref(), Some("¹"), "shared entities are numbered without colour");
    }
}
