//! What every subcommand needs around the core: reading a plan from a file or
//! standard input, and collecting what it prints.
//!
//! Contract: [`load`] never holds more than [`MAX_BYTES`] of input in memory
//! and turns every way the input can fail (missing, unreadable, too large,
//! not a plan) into a [`Failure`] naming its source. Subcommands print into
//! an [`Output`]; nothing reaches the terminal until the subcommand has
//! finished, so a failure leaves standard output empty.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;

use planwright_core::format::file::{self, ImportError, Imported, MAX_BYTES, VERSION};
use planwright_core::format::portfolio::{self, ImportedPortfolio};
use planwright_core::text::plural;
use serde::Serialize;

/// The name the tool goes by in its messages.
pub const BIN: &str = "planwright";

/// Exit status when the command line is wrong or the input unusable.
pub const EXIT_USAGE: u8 = 2;

/// Why a subcommand could not run: the input could not be read or is not a
/// plan.
#[derive(Debug)]
pub struct Failure {
    /// Where the input came from: a file name or `standard input`.
    pub source: String,
    /// What went wrong, as a sentence for the user.
    pub message: String,
}

impl Failure {
    /// The line for standard error: `planwright: SOURCE: MESSAGE`.
    pub fn line(&self) -> String {
        format!("{BIN}: {}: {}\n", self.source, self.message)
    }
}

/// What a subcommand writes: standard output and standard error.
#[derive(Debug, Default)]
pub struct Output {
    /// Text for standard output.
    pub out: String,
    /// Text for standard error.
    pub err: String,
}

impl Output {
    /// Adds text to standard output.
    pub fn print(&mut self, text: &str) {
        self.out.push_str(text);
    }

    /// Adds a value to standard output as pretty JSON and a newline. The
    /// values printed here are plain data with string keys, which always
    /// serialize.
    pub fn print_json(&mut self, value: &impl Serialize) {
        self.print(&serde_json::to_string_pretty(value).unwrap_or_default());
        self.print("\n");
    }

    /// Adds text to standard error.
    pub fn note(&mut self, text: &str) {
        self.err.push_str(text);
    }

    /// Notes on standard error each field of the input that was not
    /// imported, and each key the input gives twice in one object.
    pub fn note_unknown_fields(&mut self, source: &str, imported: &Imported) {
        for path in &imported.unknown_fields {
            self.note(&format!(
                "{BIN}: {source}: field '{path}' is not part of format version {VERSION} and was left out\n"
            ));
        }
        for path in &imported.duplicate_keys {
            self.note(&format!(
                "{BIN}: {source}: field '{path}' is given more than once; only its last value was kept\n"
            ));
        }
        let unnamed = imported
            .duplicate_count
            .saturating_sub(imported.duplicate_keys.len());
        if unnamed > 0 {
            self.note(&format!(
                "{BIN}: {source}: and {}\n",
                plural(unnamed, "more repeated field")
            ));
        }
    }
}

/// Writes `text`; a closed pipe (as with `| head`) is not an error. Returns
/// false when the write failed for another reason, after saying so on
/// standard error.
pub fn write_all(to: &mut impl Write, text: &str) -> bool {
    match to.write_all(text.as_bytes()).and_then(|()| to.flush()) {
        Ok(()) => true,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => true,
        Err(e) => {
            let _ = writeln!(io::stderr(), "{BIN}: cannot write output: {e}");
            false
        }
    }
}

/// Writes `text` to the file at `path`, replacing it.
pub fn write_file(path: &Path, text: &str) -> Result<(), Failure> {
    std::fs::write(path, text).map_err(|e| Failure {
        source: path.to_string_lossy().into_owned(),
        message: format!("cannot write the file: {e}"),
    })
}

/// Reads and imports a plan from a file, or from standard input for `-`:
/// a plan file, or a Markdown export (`.md`, or Markdown on standard
/// input) for the plan it carries. Returns the name of the source for
/// messages, and the imported plan.
pub fn load(path: &Path) -> Result<(String, Imported), Failure> {
    let (source, bytes) = read(path)?;
    match file::import_named(&path.to_string_lossy(), &bytes) {
        Ok(imported) => Ok((source, imported)),
        Err(e) => Err(Failure {
            source,
            message: e.to_string(),
        }),
    }
}

/// A file that [`load_any`] read: a plan or a portfolio.
pub enum Loaded {
    /// A plan file or a Markdown export carrying a plan.
    Plan(Box<Imported>),
    /// A portfolio file with its plans.
    Portfolio(Box<ImportedPortfolio>),
}

/// Reads and imports a plan or a portfolio file, whichever the file is
/// (its `format` says): a plan file up to [`MAX_BYTES`], a Markdown export
/// carrying a plan, or a portfolio file up to [`portfolio::MAX_BYTES`].
pub fn load_any(path: &Path) -> Result<(String, Loaded), Failure> {
    let (source, bytes) = read_up_to(path, portfolio::MAX_BYTES)?;
    let fail = |message: String| Failure {
        source: source.clone(),
        message,
    };
    if bytes.len() <= MAX_BYTES {
        match file::import_named(&path.to_string_lossy(), &bytes) {
            Ok(imported) => return Ok((source, Loaded::Plan(Box::new(imported)))),
            Err(ImportError::PortfolioFile) => {}
            Err(e) => return Err(fail(e.to_string())),
        }
    }
    match portfolio::import_bytes(&bytes) {
        Ok(imported) => Ok((source, Loaded::Portfolio(Box::new(imported)))),
        // Only a plan file over the plan limit gets here.
        Err(portfolio::ImportError::PlanFile) => Err(fail(
            ImportError::TooLarge { bytes: bytes.len() }.to_string(),
        )),
        Err(e) => Err(fail(e.to_string())),
    }
}

/// The bytes of a file or of standard input, refusing anything over
/// [`MAX_BYTES`] without holding more than that in memory.
fn read(path: &Path) -> Result<(String, Vec<u8>), Failure> {
    read_up_to(path, MAX_BYTES)
}

/// The bytes of a file or of standard input, refusing anything over `max`
/// bytes without holding more than that in memory.
fn read_up_to(path: &Path, max: usize) -> Result<(String, Vec<u8>), Failure> {
    let too_large = |source: String, bytes: u64| {
        let bytes = usize::try_from(bytes).unwrap_or(usize::MAX);
        Failure {
            source,
            message: if max == MAX_BYTES {
                ImportError::TooLarge { bytes }.to_string()
            } else {
                portfolio::ImportError::TooLarge { bytes }.to_string()
            },
        }
    };
    let limit = max as u64 + 1;
    if path == Path::new("-") {
        let source = "standard input".to_string();
        let mut stdin = io::stdin().lock();
        let mut bytes = Vec::new();
        let read = (&mut stdin).take(limit).read_to_end(&mut bytes);
        read.map_err(|e| Failure {
            source: source.clone(),
            message: format!("cannot read: {e}"),
        })?;
        if bytes.len() as u64 >= limit {
            // Count the rest so the message gives the real size.
            let rest = io::copy(&mut stdin, &mut io::sink()).unwrap_or(0);
            return Err(too_large(source, bytes.len() as u64 + rest));
        }
        return Ok((source, bytes));
    }
    let source = path.to_string_lossy().into_owned();
    let cannot = |e: io::Error| Failure {
        source: source.clone(),
        message: format!("cannot read the file: {e}"),
    };
    let file = File::open(path).map_err(cannot)?;
    let size = file.metadata().map_err(cannot)?.len();
    if size > max as u64 {
        return Err(too_large(source, size));
    }
    let mut bytes = Vec::new();
    file.take(limit).read_to_end(&mut bytes).map_err(cannot)?;
    if bytes.len() as u64 >= limit {
        return Err(too_large(source, bytes.len() as u64));
    }
    Ok((source, bytes))
}
