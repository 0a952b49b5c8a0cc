//! Share links: a whole plan carried in a URL fragment, so no server ever
//! sees it.
//!
//! A link's fragment is `share=` followed by the plan file (as exported)
//! compressed with raw DEFLATE and written in unpadded base64url. Decoding
//! goes through the same import as a file, so migration, unknown-field
//! reports and validation apply. Contract: [`decode`] never panics and
//! never inflates more than [`MAX_BYTES`](crate::format::file::MAX_BYTES), so a
//! hostile link cannot exhaust memory; [`encode`] refuses plans whose link
//! would be longer than [`MAX_LINK_CHARS`].
//!
//! Base64url is written here rather than taken from the `base64` crate: the
//! thirty lines below accept both alphabets (a link passed through a tool
//! that rewrites `-` and `_` still opens), name the position of a stray
//! character, and cost the browser's wasm almost nothing, where the crate
//! brings general engines and configuration this one alphabet does not need.

use std::fmt;

use crate::format::file::{self, ImportError, Imported};
use crate::model::Plan;

/// The fragment prefix that marks a share link.
pub const PREFIX: &str = "share=";

/// The longest share text produced: longer links are cut by some mail and
/// chat tools, so such plans are shared as files instead.
pub const MAX_LINK_CHARS: usize = 32_000;

/// Why a link could not be made or read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The plan is too large for a reliable link.
    TooLong {
        /// Characters the link would need.
        chars: usize,
    },
    /// The text after `share=` is not base64url (position of the first bad character).
    NotBase64 {
        /// 0-based character position.
        position: usize,
    },
    /// The data does not inflate: the link is damaged or cut short.
    Damaged,
    /// The data inflates past the size limit.
    TooLarge,
    /// The data inflated but is not a readable plan.
    Import(ImportError),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::TooLong { chars } => write!(
                f,
                "This plan would need a link of {chars} characters; links over {MAX_LINK_CHARS} are often cut short by mail and chat tools. Share the plan as a file instead."
            ),
            ShareError::NotBase64 { position } => write!(
                f,
                "This share link is damaged: it has a character that does not belong at position {position}. Ask for the link again, or for the plan as a file."
            ),
            ShareError::Damaged => write!(
                f,
                "This share link is damaged or incomplete (it may have been cut short when it was copied). Ask for the link again, or for the plan as a file."
            ),
            ShareError::TooLarge => write!(
                f,
                "This share link holds more than {} MB of data, which is more than any plan needs; it was not opened.",
                file::MAX_BYTES / 1_000_000
            ),
            ShareError::Import(e) => write!(f, "This share link does not hold a readable plan. {e}"),
        }
    }
}

impl std::error::Error for ShareError {}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            let index = (n >> (18 - 6 * i)) & 63;
            out.push(char::from(ALPHABET[index as usize]));
        }
    }
    out
}

fn from_base64url(text: &str) -> Result<Vec<u8>, ShareError> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for (position, c) in text.chars().enumerate() {
        let value = match c {
            'A'..='Z' => c as u32 - 'A' as u32,
            'a'..='z' => c as u32 - 'a' as u32 + 26,
            '0'..='9' => c as u32 - '0' as u32 + 52,
            '-' | '+' => 62,
            '_' | '/' => 63,
            _ => return Err(ShareError::NotBase64 { position }),
        };
        acc = (acc << 6) | value;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Ok(out)
}

/// The share text for a plan (what follows `#` in the link), or why the
/// plan is too large for a link.
///
/// ```
/// use planwright_core::{format::share, Plan};
/// let text = share::encode(&Plan::blank()).unwrap();
/// assert!(text.starts_with("share="));
/// assert_eq!(share::decode(&text).unwrap().plan, Plan::blank());
/// ```
pub fn encode(plan: &Plan) -> Result<String, ShareError> {
    // The same text as a file export: one serializer for both keeps the
    // browser build small, and compression absorbs the indentation.
    let json = file::to_json(plan).into_bytes();
    let packed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    let text = format!("{PREFIX}{}", base64url(&packed));
    if text.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLong { chars: text.len() });
    }
    Ok(text)
}

/// Reads a share text (with or without the leading `#` and `share=`).
pub fn decode(text: &str) -> Result<Imported, ShareError> {
    let text = text.trim();
    let text = text.strip_prefix('#').unwrap_or(text);
    let text = text.strip_prefix(PREFIX).unwrap_or(text);
    if text.is_empty() {
        return Err(ShareError::Damaged);
    }
    let packed = from_base64url(text)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, file::MAX_BYTES)
        .map_err(|e| {
            if matches!(e.status, miniz_oxide::inflate::TINFLStatus::HasMoreOutput) {
                ShareError::TooLarge
            } else {
                ShareError::Damaged
            }
        })?;
    file::import_bytes(&json).map_err(ShareError::Import)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, Task};

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..70 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let text = base64url(&bytes);
            assert!(text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
            assert_eq!(from_base64url(&text).unwrap(), bytes, "length {len}");
        }
    }

    #[test]
    fn plans_round_trip_through_links() {
        let mut plan = Plan::blank();
        plan.title = "Links & <things> \u{1F680}".into();
        plan.tasks.push(Task {
            id: Id::from("t"),
            title: "Ship".into(),
            ..Task::default()
        });
        let text = encode(&plan).unwrap();
        let back = decode(&format!("#{text}")).unwrap();
        assert_eq!(back.plan, plan);
        assert!(back.unknown_fields.is_empty());
    }

    #[test]
    fn damaged_and_cut_links_are_refused_clearly() {
        let text = encode(&Plan::blank()).unwrap();
        let body = &text[PREFIX.len()..];
        // Cut short.
        let cut = &body[..body.len() / 2];
        assert_eq!(decode(cut).unwrap_err(), ShareError::Damaged);
        // A character that is not base64url.
        let bad = format!("{}!{}", &body[..10], &body[11..]);
        assert_eq!(
            decode(&bad).unwrap_err(),
            ShareError::NotBase64 { position: 10 }
        );
        // Empty.
        assert_eq!(decode("share=").unwrap_err(), ShareError::Damaged);
        // Valid compression of something that is not a plan.
        let not_plan = base64url(&miniz_oxide::deflate::compress_to_vec(b"[1,2,3]", 6));
        assert!(matches!(
            decode(&not_plan),
            Err(ShareError::Import(ImportError::NotAPlan { .. }))
        ));
        assert!(decode(&not_plan)
            .unwrap_err()
            .to_string()
            .starts_with("This share link does not hold a readable plan."));
    }

    #[test]
    fn a_compression_bomb_is_refused() {
        let zeros = vec![b' '; file::MAX_BYTES + 10];
        let bomb = base64url(&miniz_oxide::deflate::compress_to_vec(&zeros, 9));
        assert!(bomb.len() < 100_000);
        assert_eq!(decode(&bomb).unwrap_err(), ShareError::TooLarge);
    }

    #[test]
    fn plans_too_large_for_a_link_are_refused() {
        let mut plan = Plan::blank();
        plan.tasks = (0..3000)
            .map(|i| Task {
                id: Id(format!("task-{i}")),
                title: format!("Task {i} {}", i * 7919 % 10007),
                ..Task::default()
            })
            .collect();
        match encode(&plan) {
            Err(ShareError::TooLong { chars }) => assert!(chars > MAX_LINK_CHARS),
            other => panic!("expected TooLong, got {other:?}"),
        }
    }
}
