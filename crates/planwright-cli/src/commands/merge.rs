//! `planwright merge BASE OURS THEIRS [-o OUT]`: a three-way merge of plan
//! files, usable as git's merge driver (`planwright merge %O %A %B`).
//!
//! Contract: how plans merge is the core's (`diff::merge`); this reads the
//! three plans, writes the merged plan file (to OURS, as git expects, or
//! to `-o`, `-` being standard output) and names each conflict on standard
//! error. Exit 0 when the merge is clean, 1 when it left conflicts (the
//! file is still written, holding our side and the conflict list), 2 when
//! a plan cannot be read or the result cannot be written; then OURS is
//! left as it was.

use std::path::Path;

use planwright_core::diff::{merge, value_text};
use planwright_core::format::file;
use planwright_core::text::plural;

use crate::cli::MergeArgs;
use crate::shared::{load, write_file, Failure, Output, BIN};

/// Merges THEIRS into OURS.
pub fn run(args: &MergeArgs, out: &mut Output) -> Result<u8, Failure> {
    let (base_source, base) = load(&args.base)?;
    let (ours_source, ours) = load(&args.ours)?;
    let (theirs_source, theirs) = load(&args.theirs)?;
    for (source, imported) in [
        (&base_source, &base),
        (&ours_source, &ours),
        (&theirs_source, &theirs),
    ] {
        out.note_unknown_fields(source, imported);
    }
    let merged = merge(&base.plan, &ours.plan, &theirs.plan).map_err(|e| Failure {
        source: ours_source.clone(),
        message: e.to_string(),
    })?;
    let text = file::to_json(&merged.plan);
    let target = args.output.as_deref().unwrap_or(&args.ours);
    if target == Path::new("-") {
        out.print(&text);
    } else {
        write_file(target, &text)?;
    }
    if merged.conflicts.is_empty() {
        return Ok(0);
    }
    let shown = |v: &Option<serde_json::Value>| {
        v.as_ref()
            .map_or_else(|| "(deleted)".to_string(), value_text)
    };
    let written = if target == Path::new("-") {
        "standard output".to_string()
    } else {
        target.to_string_lossy().into_owned()
    };
    out.note(&format!(
        "{BIN}: {written}: {} left for you to settle; the file keeps your side and lists them under \"conflicts\"\n",
        plural(merged.conflicts.len(), "conflict")
    ));
    for conflict in &merged.conflicts {
        out.note(&format!(
            "{BIN}: conflict at {} ({}): ours {}, theirs {}\n",
            conflict.path,
            conflict.label,
            shown(&conflict.ours),
            shown(&conflict.theirs)
        ));
    }
    Ok(1)
}
