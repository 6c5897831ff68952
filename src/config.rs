//! The config file: where it is looked up, its keys and defaults, and its warnings.

use crate::error::{Error, Result};
use crate::warning::Warning;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Config {
    /// Folders or files read when no --corpus is given, and how numeric dates read.
    pub corpus: CorpusConfig,
    /// Files larger than this many megabytes are skipped with a warning.
    pub max_file_mb: u64,
    pub theme: Theme,
    pub reader: Reader,
    /// Key overrides: action name to a key (`quit = "x"`).
    pub keys: BTreeMap<String, String>,
    pub analysis: AnalysisConfig,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Theme {
    /// `dark` or `light`; the colour keys below override single colours.
    pub name: String,
    pub person: Option<String>,
    pub place: Option<String>,
    pub organization: Option<String>,
    pub other: Option<String>,
    pub quote: Option<String>,
    pub figure: Option<String>,
    pub conflict: Option<String>,
    pub selection: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Reader {
    /// Scroll both panes of the comparison together, through the paragraph alignment.
    pub sync_scroll: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AnalysisConfig {
    /// Keep analysis results in the cache folder so an unchanged corpus is not analysed twice.
    pub cache: bool,
    /// Quotations of at most this many words are scare quotes.
    pub scare_quote_words: usize,
}

/// `corpus = [paths]` or a `[corpus]` table of `paths` and `date_order`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CorpusConfig {
    pub paths: Vec<PathBuf>,
    /// How a numeric date that nothing in its report or the corpus decides is read.
    pub date_order: DateOrder,
}

/// How a numeric date like `07/04/2025` is read when nothing decides it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateOrder {
    /// A slash means month first (`07/04/2025` is July 4), a dot or hyphen day first.
    #[default]
    Auto,
    DayFirst,
    MonthFirst,
}

impl<'de> Deserialize<'de> for CorpusConfig {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Form {
            Paths(Vec<PathBuf>),
            Table {
                #[serde(default)]
                paths: Vec<PathBuf>,
                #[serde(default)]
                date_order: DateOrder,
            },
        }
        Ok(match Form::deserialize(d)? {
            Form::Paths(paths) => CorpusConfig { paths, date_order: DateOrder::Auto },
            Form::Table { paths, date_order } => CorpusConfig { paths, date_order },
        })
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            corpus: CorpusConfig::default(),
            max_file_mb: 20,
            theme: Theme::default(),
            reader: Reader::default(),
            keys: BTreeMap::new(),
            analysis: AnalysisConfig::default(),
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            name: "dark".into(),
            person: None,
            place: None,
            organization: None,
            other: None,
            quote: None,
            figure: None,
            conflict: None,
            selection: None,
        }
    }
}

impl Default for Reader {
    fn default() -> Self {
        Reader { sync_scroll: true }
    }
}

impl Default for AnalysisConfig {
    fn default() -> Self {
        AnalysisConfig { cache: true, scare_quote_words: 3 }
    }
}

/// A config and what was odd about it.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub config: Config,
    pub path: Option<PathBuf>,
    pub warnings: Vec<Warning>,
}

/// `--config FILE`, then `$DIPTYCH_CONFIG`, then `config.toml` in the platform config folder.
/// A missing file (other than one named explicitly) means defaults.
pub fn load(explicit: Option<&Path>) -> Result<Loaded> {
    if let Some(p) = explicit {
        if !p.exists() {
            return Err(Error::NoSuchPath(p.to_path_buf()));
        }
        return load_file(p);
    }
    if let Some(env) = std::env::var_os("DIPTYCH_CONFIG").filter(|v| !v.is_empty()) {
        let p = PathBuf::from(env);
        if !p.exists() {
            return Err(Error::NoSuchPath(p));
        }
        return load_file(&p);
    }
    match default_path() {
        Some(p) if p.exists() => load_file(&p),
        _ => Ok(Loaded::default()),
    }
}

pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "diptych").map(|d| d.config_dir().join("config.toml"))
}

/// A config file is small: anything larger is not one.
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

pub fn load_file(path: &Path) -> Result<Loaded> {
    let bad = |why: String| Error::Usage(format!("cannot read config {}: {why}", path.display()));
    let bytes = crate::files::read_limited(path, MAX_CONFIG_BYTES).map_err(|e| bad(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|_| bad("not UTF-8 text".into()))?;
    let mut loaded = parse(&text, path)?;
    loaded.path = Some(path.to_path_buf());
    Ok(loaded)
}

/// Parses config text; `path` only names the file in messages.
pub fn parse(text: &str, path: &Path) -> Result<Loaded> {
    let config: Config = toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |s| line_col(text, s.start));
        Error::Config { file: path.to_path_buf(), line, column, message: e.message().trim().to_string() }
    })?;
    let mut warnings = Vec::new();
    if let (Ok(user), Ok(known)) = (toml::from_str::<toml::Table>(text), toml::Table::try_from(Config::default())) {
        unknown_keys(&user, &known, "", &mut warnings, path);
    }
    if !matches!(config.theme.name.as_str(), "dark" | "light") {
        warnings.push(Warning::about(
            path.display(),
            format!("theme.name '{}' is neither dark nor light; using dark", config.theme.name),
        ));
    }
    let t = &config.theme;
    let colours = [
        ("person", &t.person),
        ("place", &t.place),
        ("organization", &t.organization),
        ("other", &t.other),
        ("quote", &t.quote),
        ("figure", &t.figure),
        ("conflict", &t.conflict),
        ("selection", &t.selection),
    ];
    for (key, value) in colours {
        if let Some(v) = value
            && <ratatui::style::Color as std::str::FromStr>::from_str(v).is_err()
        {
            warnings.push(Warning::about(
                path.display(),
                format!("theme.{key} '{v}' is not a colour (a name like lightcyan, or #rrggbb); using the default"),
            ));
        }
    }
    Ok(Loaded { config, path: None, warnings })
}

const OPEN_TABLES: &[&str] = &["keys"];
const OPTIONAL_KEYS: &[&str] =
    &["person", "place", "organization", "other", "quote", "figure", "conflict", "selection"];

fn unknown_keys(user: &toml::Table, known: &toml::Table, prefix: &str, out: &mut Vec<Warning>, path: &Path) {
    for (k, v) in user {
        let full = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
        if OPEN_TABLES.contains(&full.as_str()) || (prefix == "theme" && OPTIONAL_KEYS.contains(&k.as_str())) {
            continue;
        }
        match (known.get(k), v) {
            (None, _) => out.push(Warning::about(path.display(), format!("unknown key '{full}' ignored"))),
            (Some(toml::Value::Table(kt)), toml::Value::Table(ut)) => unknown_keys(ut, kt, &full, out, path),
            _ => {}
        }
    }
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_file_parses_to_the_defaults() {
        let text = include_str!("../config.example.toml");
        let l = parse(text, Path::new("config.example.toml")).unwrap();
        assert!(l.warnings.is_empty(), "{:?}", l.warnings);
        assert_eq!(l.config, Config::default());
    }

    #[test]
    fn malformed_names_line_and_column() {
        let err = parse("max_file_mb = 3\n[theme\n", Path::new("c.toml")).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("malformed config c.toml:2:"), "{msg}");
    }

    #[test]
    fn a_colour_that_is_none_is_a_warning() {
        let l =
            parse("[theme]\nperson = \"notacolour\"\nplace = \"#00ff00\"\nquote = \"yellow\"\n", Path::new("c.toml"))
                .expect("parses");
        assert_eq!(l.warnings.len(), 1, "{:?}", l.warnings);
        assert!(l.warnings[0].message.contains("theme.person 'notacolour'"), "{:?}", l.warnings);
    }

    #[test]
    fn unknown_key_is_a_warning() {
        let l =
            parse("colour = 1\n[reader]\nsync_scroll = false\nspeed = 2\n[keys]\nquit = \"x\"\n", Path::new("c.toml"))
                .unwrap();
        assert_eq!(l.warnings.len(), 2, "{:?}", l.warnings);
        assert!(!l.config.reader.sync_scroll);
        assert_eq!(l.config.keys.get("quit").map(String::as_str), Some("x"));
    }

    #[test]
    fn corpus_as_paths_or_as_a_table() {
        let l = parse("corpus = [\"/news\"]\n", Path::new("c.toml")).unwrap();
        assert_eq!(l.config.corpus.paths, [PathBuf::from("/news")]);
        let l = parse("[corpus]\npaths = [\"/news\"]\ndate_order = \"day-first\"\n", Path::new("c.toml")).unwrap();
        assert_eq!((l.config.corpus.paths.len(), l.config.corpus.date_order), (1, DateOrder::DayFirst));
        assert!(parse("[corpus]\ndate_order = \"sideways\"\n", Path::new("c.toml")).is_err());
    }

    #[test]
    fn wrong_type_is_an_error() {
        assert!(parse("max_file_mb = \"big\"\n", Path::new("c.toml")).is_err());
    }
}
