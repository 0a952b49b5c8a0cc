//! `planwright schema`: print the JSON Schema of the plan file format.
//!
//! Contract: prints the schema the core generates from its types, which is
//! the same text as the schema file committed with the core.

use planwright_core::format::schema::json_schema_string;

use crate::shared::Output;

/// Prints the schema; always exits 0.
pub fn run(out: &mut Output) -> u8 {
    out.print(&json_schema_string());
    0
}
