//! The list's live fuzzy filter over 100,000 titles: one key press.

use criterion::{Criterion, criterion_group, criterion_main};
use diptych::config::Config;
use diptych::corpus::{Article, Corpus};
use diptych::session::Session;
use diptych::tui::action::Action;
use diptych::tui::app_for;

fn bench(c: &mut Criterion) {
    let articles: Vec<Article> = (0..100_000)
        .map(|i| {
            let (_, text) = diptych::generate::article(3, i, 20);
            let title = text.lines().next().unwrap_or_default().trim_start_matches("---").to_string();
            Article {
                id: format!("a{i}"),
                title,
                source: None,
                author: None,
                date: None,
                paragraphs: vec!["x".into()],
                path: String::new(),
                updated: None,
                dateline: None,
                url: None,
            }
        })
        .collect();
    let session = Session::new(Config::default(), Corpus { articles });
    let (mut app, _) = app_for(&session, 120, 40);
    app.update(Action::Command(diptych::tui::action::Command::Filter));
    app.update(Action::Input('f'));
    app.update(Action::Input('l'));
    c.bench_function("filter 100,000 titles: one more letter, then delete it", |b| {
        b.iter(|| {
            app.update(Action::Input('o'));
            app.update(Action::Backspace);
        })
    });
    let mut g = c.benchmark_group("filter 100,000 titles");
    g.sample_size(10);
    g.bench_function("first letter (scores every title)", |b| {
        b.iter(|| {
            app.update(Action::Backspace);
            app.update(Action::Backspace);
            app.update(Action::Input('f'));
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
