//! CRC-32 as gzip, PNG and zip compute it (polynomial 0x04C11DB7, bits
//! reflected, register and result inverted; RFC 1952 section 8,
//! <https://www.rfc-editor.org/rfc/rfc1952#section-8>).
//!
//! Why a CRC rather than an additive checksum such as Adler-32: a CRC whose
//! generator has degree 32 and a constant term detects every error burst of
//! 32 bits or fewer (the remainder of a shorter burst polynomial can never
//! be zero; MIT 6.02 notes, "Linear Block Codes", section 6.6). Changing one
//! base64url character changes at most 6 adjacent bits of the bytes it
//! stands for, a burst well under 32 bits, so every single-character
//! alteration of a link is caught, not just most of them. Other damage goes
//! unseen with odds of one in 2^32. Adler-32 is weak on short inputs, and a
//! cryptographic hash would add code to the browser build for no gain: the
//! check guards against accidents in transit, not against someone forging a
//! link (who could as well send a different plan).
//!
//! The table is built on each call (256 × 8 steps): cheaper in the wasm than
//! shipping a kilobyte of constants, and negligible next to a link's bytes.

/// The CRC-32 of the concatenation of `parts`.
pub(super) fn crc32(parts: &[&[u8]]) -> u32 {
    let mut table = [0u32; 256];
    for (n, slot) in (0u32..).zip(table.iter_mut()) {
        let mut c = n;
        for _ in 0..8 {
            c = if c & 1 == 1 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
        *slot = c;
    }
    let mut crc = !0u32;
    for part in parts {
        for &byte in *part {
            crc = table[((crc ^ u32::from(byte)) & 0xFF) as usize] ^ (crc >> 8);
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::crc32;

    #[test]
    fn matches_the_standard_check_values() {
        // The check value every CRC-32/ISO-HDLC implementation gives.
        assert_eq!(crc32(&[b"123456789"]), 0xCBF4_3926);
        assert_eq!(crc32(&[b"1234", b"56789"]), 0xCBF4_3926);
        assert_eq!(crc32(&[]), 0);
    }
}
