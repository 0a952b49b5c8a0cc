//! Unpadded base64url (RFC 4648, section 5: `A–Z a–z 0–9 - _`, no `=`).
//!
//! Written here rather than taken from the `base64` crate: these few lines
//! accept both alphabets on the way in (a link passed through a tool that
//! rewrites `-` and `_` as `+` and `/` still opens, as the same bytes),
//! stop at the first character that belongs to neither and say where it is,
//! and report whether the last character carried stray bits, and they cost
//! the browser's wasm almost nothing, where the crate brings general engines
//! and configuration this one alphabet does not need.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url text of `bytes`, without padding.
pub(super) fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            let index = (n >> (18 - 6 * i)) & 63;
            out.push(char::from(ALPHABET[index as usize]));
        }
    }
    out
}

/// The six bits a character (given as its first byte) stands for, in
/// either alphabet.
pub(super) fn value(c: u8) -> Option<u32> {
    match c {
        b'A'..=b'Z' => Some(u32::from(c - b'A')),
        b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
        b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
        b'-' | b'+' => Some(62),
        b'_' | b'/' => Some(63),
        _ => None,
    }
}

/// What [`decode`] read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Decoded {
    /// The bytes of every character before the first one that is not base64.
    pub bytes: Vec<u8>,
    /// How many characters were read.
    pub chars: usize,
    /// Position (0-based) of the first character that is not base64, if
    /// any; reading stopped there. Every character before it is ASCII, so
    /// this counts characters and bytes alike.
    pub stray: Option<usize>,
    /// Whether the text ends where an encoder would end it: no character
    /// left over that holds less than a byte, and no stray bits set in the
    /// last one. Only such text is the one encoding of its bytes.
    pub canonical: bool,
}

/// Reads base64url (or standard base64) up to the first character that is
/// neither.
pub(super) fn decode(text: &str) -> Decoded {
    let mut bytes = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    let mut chars = 0;
    let mut stray = None;
    for (position, &c) in text.as_bytes().iter().enumerate() {
        let Some(value) = value(c) else {
            stray = Some(position);
            break;
        };
        chars += 1;
        acc = (acc << 6) | value;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // Left over: 0, 2 or 4 bits that must be zero; 6 bits is a character
    // too many (no encoder ends on one).
    let canonical = bits < 6 && acc == 0;
    Decoded {
        bytes,
        chars,
        stray,
        canonical,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_length_and_is_canonical() {
        for len in 0..70usize {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let text = encode(&bytes);
            assert_eq!(text.len(), (len * 4).div_ceil(3), "length {len}");
            assert!(text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
            let back = decode(&text);
            assert_eq!(back.bytes, bytes, "length {len}");
            assert_eq!(
                (back.chars, back.stray, back.canonical),
                (text.len(), None, true)
            );
        }
    }

    #[test]
    fn stops_at_a_stray_character_and_sees_stray_bits() {
        let back = decode("QUJD!RA");
        assert_eq!(
            (back.bytes.as_slice(), back.stray),
            (b"ABC".as_slice(), Some(4))
        );
        // "QQ" is "A"; "QR" carries a stray bit, "QQQQQ" a character too many.
        assert!(decode("QQ").canonical);
        assert!(!decode("QR").canonical);
        assert!(!decode("QUJDR").canonical);
        // The standard alphabet reads as the same bytes.
        assert_eq!(decode("-_-_").bytes, decode("+/+/").bytes);
    }
}
