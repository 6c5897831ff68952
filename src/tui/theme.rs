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
        Theme {
            color: true,
            person: Style::new().fg(c(Color::LightCyan, Color::Blue, &t.person)).add_modifier(Modifier::BOLD),
            place: Style::new().fg(c(Color::LightGreen, Color::Green, &t.place)),
            organization: Style::new().fg(c(Color::LightMagenta, Color::Magenta, &t.organization)),
            other: Style::new().fg(c(Color::LightYellow, Color::Rgb(150, 110, 0), &t.other)),
            quote: Style::new().fg(c(Color::Yellow, Color::Rgb(140, 80, 0), &t.quote)).add_modifier(Modifier::ITALIC),
            figure: Style::new().fg(c(Color::LightBlue, Color::Blue, &t.figure)).add_modifier(Modifier::UNDERLINED),
            conflict: Style::new()
                .fg(c(Color::White, Color::White, &None))
                .bg(c(Color::Red, Color::Red, &t.conflict))
                .add_modifier(Modifier::BOLD),
            selection: Style::new().bg(c(Color::DarkGray, Color::Gray, &t.selection)),
            dim: Style::new().fg(if light { Color::Gray } else { Color::DarkGray }),
            matched: Style::new().bg(Color::Yellow).fg(Color::Black),
            title: Style::new().add_modifier(Modifier::BOLD),
            header: Style::new().fg(if light { Color::DarkGray } else { Color::Gray }),
            marked: Style::new().fg(Color::LightYellow).add_modifier(Modifier::BOLD),
            shared: vec![
                Color::LightCyan,
                Color::LightGreen,
                Color::LightMagenta,
                Color::LightYellow,
                Color::LightBlue,
                Color::Rgb(255, 165, 0),
                Color::Rgb(135, 255, 175),
                Color::Rgb(255, 135, 215),
            ],
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
            other: s.add_modifier(Modifier::UNDERLINED),
            quote: s.add_modifier(Modifier::ITALIC),
            figure: s.add_modifier(Modifier::UNDERLINED),
            conflict: s.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selection: s.add_modifier(Modifier::REVERSED),
            dim: s.add_modifier(Modifier::DIM),
            matched: s.add_modifier(Modifier::REVERSED),
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
            _ => Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }
}
