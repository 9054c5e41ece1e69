//! The user's settings file, `$XDG_CONFIG_HOME/quotediff/config.toml`.
//!
//! It can choose a theme, turn the mouse off and rebind keys, command by command:
//!
//! ```toml
//! theme = "light"          # dark, light or mono
//! mouse = false
//! [keys]
//! accept = ["y", "a"]      # a key or a list of keys; see the help screen for the names
//! quit = "Q"
//! [styles]                 # any element of the theme (see `Theme::ELEMENTS`)
//! verified = "bold fg=194 bg=#1c3a1c"
//! ```
//!
//! A missing file is no error; a broken one is, naming the file and what is wrong. This
//! module reads a file and fills the key table and theme name; it draws nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use thiserror::Error;

use super::keys::{Command, Key, KeyTable};
use super::theme::{Theme, ThemeName};

/// Why the config file cannot be used.
#[derive(Debug, Error)]
pub enum ConfigError {
    /// The file exists but cannot be read.
    #[error("{path}: {source}")]
    Io {
        /// The config file.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The file is not valid TOML or names something unknown.
    #[error("{path}: {reason}")]
    Invalid {
        /// The config file.
        path: PathBuf,
        /// What is wrong, in one line.
        reason: String,
    },
}

/// One key or several, as the `[keys]` table accepts them.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum KeyList {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    theme: Option<String>,
    mouse: Option<bool>,
    #[serde(default)]
    keys: BTreeMap<String, KeyList>,
    #[serde(default)]
    styles: BTreeMap<String, String>,
}

/// The settings read from the file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    /// The theme the file asks for, if any.
    pub theme: Option<ThemeName>,
    /// False when the file turns mouse capture off.
    pub mouse: Option<bool>,
    /// The default key table with the file's bindings applied.
    pub keys: KeyTable,
    /// Styles that replace the theme's, by element name (checked when read).
    pub styles: Vec<(String, String)>,
}

impl Config {
    /// The theme with the file's `[styles]` applied.
    pub fn styled(&self, mut theme: Theme) -> Theme {
        for (name, spec) in &self.styles {
            // Checked by `parse`, so this cannot fail.
            let _ = theme.set_element(name, spec);
        }
        theme
    }
}

/// Where the config file is looked for: `$XDG_CONFIG_HOME/quotediff/config.toml`, or
/// `~/.config/quotediff/config.toml` when `XDG_CONFIG_HOME` is unset.
pub fn default_path() -> Option<PathBuf> {
    let base = match std::env::var_os("XDG_CONFIG_HOME") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => PathBuf::from(std::env::var_os("HOME")?).join(".config"),
    };
    Some(base.join("quotediff").join("config.toml"))
}

/// Reads the config file at `path`; the defaults when there is none.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text).map_err(|reason| ConfigError::Invalid {
            path: path.to_path_buf(),
            reason,
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(source) => Err(ConfigError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Reads config text; the error is one line saying what is wrong.
pub fn parse(text: &str) -> Result<Config, String> {
    let file: File = toml::from_str(text).map_err(|e| e.message().to_string())?;
    let mut config = Config::default();
    if let Some(name) = file.theme {
        config.theme = Some(
            ThemeName::parse(&name)
                .ok_or_else(|| format!("unknown theme \"{name}\" (dark, light or mono)"))?,
        );
    }
    config.mouse = file.mouse;
    for (name, keys) in file.keys {
        let command = Command::from_name(&name)
            .ok_or_else(|| format!("unknown command \"{name}\" in [keys]"))?;
        let texts = match keys {
            KeyList::One(k) => vec![k],
            KeyList::Many(ks) => ks,
        };
        let keys = texts
            .iter()
            .map(|t| Key::parse(t).ok_or_else(|| format!("unknown key \"{t}\" for {name}")))
            .collect::<Result<Vec<_>, _>>()?;
        config.keys.rebind(command, &keys);
    }
    let mut check = Theme::dark();
    for (name, spec) in file.styles {
        check.set_element(&name, &spec)?;
        config.styles.push((name, spec));
    }
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn a_file_rebinds_keys_and_picks_a_theme() {
        let config = parse(
            "theme = \"light\"\nmouse = false\n[keys]\naccept = [\"y\", \"ctrl-a\"]\nquit = \"Q\"\n",
        )
        .unwrap();
        assert_eq!(config.theme, Some(ThemeName::Light));
        assert_eq!(config.mouse, Some(false));
        let y = KeyEvent::new(KeyCode::Char('y'), KeyModifiers::NONE);
        assert_eq!(config.keys.lookup(&y), Some(Command::Accept));
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(config.keys.lookup(&q), None);
    }

    #[test]
    fn styles_replace_theme_elements() {
        let config = parse("[styles]\nreuse = \"reverse fg=blue\"\n").unwrap();
        let dark = config.styled(Theme::dark());
        assert_eq!(
            dark.reuse,
            ratatui::style::Style::new()
                .fg(ratatui::style::Color::Blue)
                .add_modifier(ratatui::style::Modifier::REVERSED)
        );
        assert_eq!(
            parse("[styles]\nreus = \"bold\"").unwrap_err(),
            "unknown style \"reus\" in [styles]"
        );
    }

    #[test]
    fn the_readme_example_is_a_valid_config() {
        let readme = include_str!("../../README.md");
        let start = readme
            .find("```toml\ntheme")
            .expect("a config example in README.md")
            + 8;
        let example = &readme[start..start + readme[start..].find("```").unwrap()];
        let config = parse(example).unwrap();
        assert_eq!(config.theme, Some(ThemeName::Light));
        assert_eq!(config.styles.len(), 1);
    }

    #[test]
    fn mistakes_are_named() {
        assert_eq!(
            parse("[keys]\nacept = \"y\"").unwrap_err(),
            "unknown command \"acept\" in [keys]"
        );
        assert!(parse("theme = \"neon\"").unwrap_err().contains("neon"));
        assert!(parse("colour = 3").unwrap_err().contains("colour"));
        let missing = std::env::temp_dir().join("quotediff-no-such-config.toml");
        assert_eq!(load(&missing).unwrap(), Config::default());
    }
}
