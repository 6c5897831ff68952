//! Drawing one frame of each view into a TestBackend (two 5,000-word articles: the split
//! view, the reader at a conflicting figure, the conflicts view).

use criterion::{Criterion, criterion_group, criterion_main};
use diptych::analysis::{Options, analyse};
use diptych::config::Config;
use diptych::corpus::Corpus;
use diptych::session::Session;
use diptych::tui::action::{Action, Command};
use diptych::tui::app::App;
use diptych::tui::digest::Analysed;
use diptych::tui::{app_for, draw};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod common;

fn app(commands: &[Command]) -> App {
    let corpus =
        Corpus { articles: vec![common::long_article("left", 5000, 0), common::long_article("right", 5000, 17)] };
    let session = Session::new(Config::default(), corpus);
    let (mut app, _) = app_for(&session, 160, 48);
    app.update(Action::Analysed(Analysed::new(&session.corpus, analyse(&session.corpus, &Options::default()))));
    for c in commands {
        let _ = app.update(Action::Command(*c));
    }
    app
}

fn bench(c: &mut Criterion) {
    let views: [(&str, Vec<Command>); 7] = [
        ("list", vec![]),
        ("reader", vec![Command::Open]),
        ("reader at a conflict", vec![Command::Open, Command::NextConflict]),
        ("split", vec![Command::Compare, Command::NextConflict]),
        ("speakers", vec![Command::Speakers]),
        ("speaker quotes", vec![Command::Speakers, Command::Open]),
        ("conflicts", vec![Command::Conflicts]),
    ];
    let mut g = c.benchmark_group("draw one frame 160x48");
    for (name, cmds) in views {
        let a = app(&cmds);
        let mut t = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
        g.bench_function(name, |b| b.iter(|| t.draw(|f| draw::draw(f, &a)).map(|_| ())));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
