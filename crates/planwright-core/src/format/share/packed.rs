//! Raw DEFLATE (RFC 1951) with a preset dictionary: link version 2.
//!
//! Links are written in version 3 now ([`cm`](super::cm)); this build
//! only reads version 2, so [`pack`] exists for tests (and its DEFLATE
//! compressor stays out of the browser build), and [`unpack`] and the
//! dictionary stay as they are for every version 2 link already sent.
//!
//! DEFLATE finds repeats within the last 32 KB it has seen. Starting both
//! ends with [`DICTIONARY`] already "seen" lets even the first occurrence of
//! a field name or a choice in a link be a short back-reference into it,
//! which matters for links, whose plans are only a few kilobytes. zlib
//! offers this as `deflateSetDictionary`; miniz_oxide has no such call, so
//! both ends do what it amounts to:
//! - [`pack`] compresses the dictionary, flushes to a byte boundary
//!   ([`TDEFLFlush::Sync`], which keeps the window), compresses the data,
//!   and keeps only what came out after the flush: blocks that may point
//!   back into the dictionary;
//! - [`unpack`] puts the dictionary at the start of the output buffer and
//!   inflates after it, with the non-wrapping buffer flag, under which
//!   miniz_oxide lets a back-reference reach anywhere before the current
//!   position, dictionary included.
//!
//! The dictionary is part of the link format: changing one byte of it
//! changes how every link made with it reads, so it never changes within a
//! link version (a test pins its checksum).

#[cfg(test)]
use miniz_oxide::deflate::core::{
    compress_to_output, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
};
use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

/// Text that plan files are made of, 6,331 bytes: a blank plan as a link
/// carries it (its phases and deliverables), every choice's key, each
/// record with its field names in the order a compact plan writes them
/// (alphabetical) and its defaults, the top-level field names, and the id
/// prefixes the app gives new items. The most frequent material comes last,
/// so references to it are the nearest and cheapest. Measured on the three
/// examples it saves 9 to 14% over DEFLATE without it; a vocabulary of
/// common domain words on top saved only 1% more for 1.4 KB, so it is not
/// included.
pub(super) const DICTIONARY: &[u8] = include_bytes!("dictionary.txt");

/// Why [`unpack`] failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unpack {
    /// The data inflates past the limit.
    TooLarge,
    /// The data is not a whole DEFLATE stream.
    Damaged,
}

/// `data` compressed against [`DICTIONARY`], at the strongest level, as
/// this build wrote version 2 links.
#[cfg(test)]
pub(super) fn pack(data: &[u8]) -> Vec<u8> {
    pack_with(DICTIONARY, data)
}

/// `data` compressed against `dictionary`.
#[cfg(test)]
pub(super) fn pack_with(dictionary: &[u8], data: &[u8]) -> Vec<u8> {
    // Raw DEFLATE (negative window bits: no zlib header), level 9.
    let flags = create_comp_flags_from_zip_params(9, -15, 0);
    let mut compressor = CompressorOxide::new(flags);
    let mut out = Vec::with_capacity(data.len() / 3 + 64);
    // With an output that takes everything, each call reads all its input.
    compress_to_output(&mut compressor, dictionary, TDEFLFlush::Sync, |bytes| {
        out.extend_from_slice(bytes);
        true
    });
    let primed = out.len();
    let (status, _) = compress_to_output(&mut compressor, data, TDEFLFlush::Finish, |bytes| {
        out.extend_from_slice(bytes);
        true
    });
    debug_assert_eq!(status, TDEFLStatus::Done);
    out.split_off(primed)
}

/// Inflates what [`pack`] made, refusing to produce more than `limit` bytes.
pub(super) fn unpack(packed: &[u8], limit: usize) -> Result<Vec<u8>, Unpack> {
    let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let start = DICTIONARY.len();
    let mut out = Vec::with_capacity(start + packed.len().saturating_mul(4).min(limit));
    out.extend_from_slice(DICTIONARY);
    out.resize(out.capacity(), 0);
    let mut decompressor = DecompressorOxide::new();
    let mut input = packed;
    let mut end = start;
    loop {
        let (status, read, written) = decompress(&mut decompressor, input, &mut out, end, flags);
        end += written;
        input = input.get(read..).unwrap_or_default();
        match status {
            TINFLStatus::Done => {
                out.truncate(end);
                return Ok(out.split_off(start));
            }
            TINFLStatus::HasMoreOutput if out.len() - start < limit => {
                let grown = (out.len() - start).saturating_mul(2).max(1024).min(limit);
                out.resize(start + grown, 0);
            }
            TINFLStatus::HasMoreOutput => return Err(Unpack::TooLarge),
            _ => return Err(Unpack::Damaged),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::share::crc32::crc32;

    #[test]
    fn round_trips_and_uses_the_dictionary() {
        for data in [
            &b""[..],
            b"x",
            b"{\"format\":\"planwright-plan\",\"version\":2}",
            &[7u8; 100_000],
        ] {
            assert_eq!(unpack(&pack(data), 1_000_000).as_deref(), Ok(data));
        }
        // Text the dictionary holds costs a few bytes, not its length.
        let known = &DICTIONARY[DICTIONARY.len() - 200..];
        assert!(pack(known).len() < 20, "{}", pack(known).len());
        // Without the dictionary the data does not read back.
        let plain = miniz_oxide::inflate::decompress_to_vec(&pack(known));
        assert_ne!(plain.as_deref().ok(), Some(known));
    }

    #[test]
    fn refuses_past_the_limit_and_damage() {
        let zeros = vec![0u8; 50_000];
        assert_eq!(unpack(&pack(&zeros), 49_999), Err(Unpack::TooLarge));
        assert_eq!(unpack(&pack(&zeros), 50_000).map(|v| v.len()), Ok(50_000));
        let packed = pack(b"{\"format\":\"planwright-plan\"}");
        assert_eq!(
            unpack(&packed[..packed.len() - 1], 100),
            Err(Unpack::Damaged)
        );
    }

    // The dictionary is part of link format 2: links made with it must
    // keep opening, so it may not change. A new dictionary needs a new
    // link version (and this one kept for reading old links).
    #[test]
    fn the_dictionary_is_frozen() {
        assert_eq!(
            (DICTIONARY.len(), crc32(&[DICTIONARY])),
            (6331, 0x9B1C_8F24),
            "the share dictionary changed"
        );
    }
}
