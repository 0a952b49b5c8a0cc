//! A small context-mixing compressor for share links (link version 3).
//!
//! Each bit of the text is coded with the probability a model of the text
//! so far gives it: the better the guess, the fewer bits the link needs.
//! The design is the one Matt Mahoney published as lpaq1 (2007), cut down
//! and rewritten here:
//! - predictors, one per context: the last 1, 2, 3, 4, 5 and 8 bytes; the
//!   current word with the byte before; the JSON key the text belongs to,
//!   with where in its value it is; that key with the current word; the
//!   partial byte alone; and a match model that follows the longest
//!   earlier repeat of the last 6 bytes and says the bit it predicts.
//!   Hashed contexts keep, per partial byte, a probability that moves by
//!   1/(n + 1.5) after its n-th use (quickly while young, then settling),
//!   in one table of 2^20 checked slots (4 MB), each context choosing the
//!   less used of two slots when it is new;
//! - a mixer: a one-layer network that weighs the predictors' guesses in
//!   the logistic domain (`stretch`, ln(p/(1-p))), trained online to cut
//!   the coding cost, with a set of weights for each partial byte;
//! - an adaptive probability map (SSE) that corrects the mixed guess by
//!   the partial byte and the byte before, for three quarters of the
//!   final probability;
//! - a binary arithmetic coder with 32-bit bounds that never carries (a
//!   byte leaves as soon as both bounds agree on it).
//!
//! What each part is worth was measured on the three example plans
//! (compact JSON of 15 to 32 KB, links of 4,219 to 7,508 characters): the
//! word context 4%, the match model 2%, the key contexts 1.5%, priming with
//! the vocabulary 5 to 6%; the word-pair context, order 6 and a second
//! mixer or SSE stage gained nothing and were left out.
//!
//! Everything is integer arithmetic on fixed-size types, so the browser's
//! wasm and a native build code the same bytes; hashes use `u32` whatever
//! the pointer size. Both ends first run the preset dictionary through the
//! model (learning only, nothing coded), so the first field names and
//! words of a plan are already expected.
//!
//! Sources read through the project's search tool:
//! the sources of Matt Mahoney's lpaq1 (2007) and its descendants lpaq5,
//! lpaq6 and lpaq9m (GPL; read, not copied), for the coder, the
//! 33-point `squash` table (the same in every one of them), the checked
//! hash slots and the APM's interpolation; the encode.su thread "Logistic
//! Mixing & Modeling" (2009) and "Data Compression Explained"
//! (<https://mattmahoney.net/dc/dce.html>, its section on logistic mixing)
//! for mixer training as gradient descent on coding cost.

/// Words and phrases of planning an AI initiative, written for this
/// purpose (not taken from the example plans, which would only flatter
/// their figures): 5,453 bytes of ordinary sentences, so that common words
/// and the way they follow each other are expected before a plan's own
/// text arrives. Measured on the three examples it makes their links 5 to
/// 6% shorter.
const VOCABULARY: &[u8] = include_bytes!("vocabulary.txt");

/// What both ends run through the model before a link's text: link
/// version 2's dictionary (field names, choices, defaults and id prefixes,
/// [`packed::DICTIONARY`](super::packed::DICTIONARY)), then the
/// vocabulary (the other order measured 0.2% longer). Part of link
/// version 3: a test pins it.
pub(super) fn dictionary() -> Vec<u8> {
    [super::packed::DICTIONARY, VOCABULARY].concat()
}

/// Why [`decompress`] failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unpack {
    /// The data says it is longer than the limit.
    TooLarge,
    /// The data does not start with a length, or states one its coded
    /// bits cannot hold.
    Damaged,
}

/// How many bytes of text a coded byte may stand for, beyond
/// [`FREE_BYTES`]: the cap on a reader's work. Plans code at 5 or 6 to 1;
/// a text that codes smaller than this allows is padded (see [`compress`]).
const MAX_RATIO: usize = 64;
/// Text any link may hold however few its coded bytes (a blank plan is
/// mostly what the dictionary holds, and codes to a few bytes).
const FREE_BYTES: usize = 16_384;

/// The longest text `coded` bytes may stand for.
fn most_text(coded: usize) -> usize {
    coded.saturating_mul(MAX_RATIO).saturating_add(FREE_BYTES)
}

/// `data` compressed, the model primed with `dictionary`: a LEB128 length
/// of `data`, then the coded bits. The coded bits are padded with 0xFF
/// (what the reader assumes past the end, so it reads the same) where they
/// would be too few for [`most_text`] to allow `data`'s length.
pub(super) fn compress(dictionary: &[u8], data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 4 + 16);
    let mut n = data.len() as u64;
    loop {
        let low = (n & 0x7F) as u8;
        n >>= 7;
        if n == 0 {
            out.push(low);
            break;
        }
        out.push(low | 0x80);
    }
    let header = out.len();
    let mut model = Model::primed(dictionary);
    let mut coder = Encoder {
        low: 0,
        high: u32::MAX,
        out,
    };
    for &byte in data {
        for i in (0..8).rev() {
            let bit = u32::from(byte >> i) & 1;
            coder.code(bit, model.p());
            model.update(bit);
        }
    }
    let mut out = coder.finish();
    let needed = data.len().saturating_sub(FREE_BYTES).div_ceil(MAX_RATIO);
    if out.len() - header < needed {
        out.resize(header + needed, 0xFF);
    }
    out
}

/// What [`compress`] made, refusing to produce more than `limit` bytes.
/// Damaged input gives other bytes of the stated length (the link's check
/// catches that), and never more work than the coded length allows.
pub(super) fn decompress(
    dictionary: &[u8],
    packed: &[u8],
    limit: usize,
) -> Result<Vec<u8>, Unpack> {
    let mut len: u64 = 0;
    let mut at = 0;
    loop {
        let byte = *packed.get(at).ok_or(Unpack::Damaged)?;
        len |= u64::from(byte & 0x7F) << (7 * at);
        at += 1;
        if byte & 0x80 == 0 {
            break;
        }
        if at == 4 {
            return Err(Unpack::Damaged);
        }
    }
    if len > limit as u64 {
        return Err(Unpack::TooLarge);
    }
    let len = len as usize;
    let coded = &packed[at..];
    if len > most_text(coded.len()) {
        return Err(Unpack::Damaged);
    }
    let mut model = Model::primed(dictionary);
    let mut coder = Decoder::new(coded);
    let mut out = Vec::with_capacity(len);
    for _ in 0..len {
        let mut byte = 0u32;
        for _ in 0..8 {
            let bit = coder.decode(model.p());
            model.update(bit);
            byte = (byte << 1) | bit;
        }
        out.push(byte as u8);
    }
    Ok(out)
}

/// The arithmetic coder's writing end. Probabilities are of a 1 bit, in
/// 16 bits (1 to 65,535).
struct Encoder {
    low: u32,
    high: u32,
    out: Vec<u8>,
}

impl Encoder {
    fn split(low: u32, high: u32, p: u32) -> u32 {
        low + ((u64::from(high - low) * u64::from(p)) >> 16) as u32
    }

    fn code(&mut self, bit: u32, p: u32) {
        let mid = Self::split(self.low, self.high, p);
        if bit == 1 {
            self.high = mid;
        } else {
            self.low = mid + 1;
        }
        while (self.low ^ self.high) & 0xFF00_0000 == 0 {
            self.out.push((self.low >> 24) as u8);
            self.low <<= 8;
            self.high = (self.high << 8) | 0xFF;
        }
    }

    /// The shortest ending that decodes right: the reader takes missing
    /// bytes as 0xFF, so one byte of `low` (its top byte is below
    /// `high`'s) pins a value between the bounds.
    fn finish(mut self) -> Vec<u8> {
        self.out.push((self.low >> 24) as u8);
        // A trailing 0xFF says what a missing byte says anyway.
        while self.out.last() == Some(&0xFF) {
            self.out.pop();
        }
        self.out
    }
}

/// The arithmetic coder's reading end.
struct Decoder<'a> {
    low: u32,
    high: u32,
    x: u32,
    input: &'a [u8],
    at: usize,
}

impl<'a> Decoder<'a> {
    fn new(input: &'a [u8]) -> Self {
        let mut d = Decoder {
            low: 0,
            high: u32::MAX,
            x: 0,
            input,
            at: 0,
        };
        for _ in 0..4 {
            d.x = (d.x << 8) | d.next();
        }
        d
    }

    fn next(&mut self) -> u32 {
        let b = self.input.get(self.at).copied().unwrap_or(0xFF);
        self.at += 1;
        u32::from(b)
    }

    fn decode(&mut self, p: u32) -> u32 {
        let mid = Encoder::split(self.low, self.high, p);
        let bit = if self.x <= mid {
            self.high = mid;
            1
        } else {
            self.low = mid + 1;
            0
        };
        while (self.low ^ self.high) & 0xFF00_0000 == 0 {
            self.low <<= 8;
            self.high = (self.high << 8) | 0xFF;
            self.x = (self.x << 8) | self.next();
        }
        bit
    }
}

/// Tables computed once per model.
struct Tables {
    /// ln(p/(1-p)) for p in 12 bits, as a value of ±2047 (8 fractional
    /// bits): the inverse of [`squash`].
    stretch: Vec<i16>,
    /// 65536 / (n + 1.5): how far a counter seen `n` times moves.
    rate: [u32; 1024],
}

/// 1/(1+e^-x) for x of ±2047 (8 fractional bits), in 12 bits. The knots
/// are lpaq1's `squash` table; between them, straight lines.
fn squash(x: i32) -> i32 {
    const KNOTS: [i32; 33] = [
        1, 2, 3, 6, 10, 16, 27, 45, 73, 120, 194, 310, 488, 747, 1101, 1546, 2047, 2549, 2994,
        3348, 3607, 3785, 3901, 3975, 4022, 4050, 4068, 4079, 4085, 4089, 4092, 4093, 4094,
    ];
    if x > 2047 {
        return 4095;
    }
    if x < -2047 {
        return 1;
    }
    let w = x & 127;
    let i = ((x >> 7) + 16) as usize;
    (KNOTS[i] * (128 - w) + KNOTS[i + 1] * w + 64) >> 7
}

impl Tables {
    fn new() -> Self {
        // The inverse of `squash`, step by step.
        let mut stretch = vec![0i16; 4096];
        let mut next = 0usize;
        for x in -2047..=2047 {
            let p = squash(x) as usize;
            for s in stretch.iter_mut().take(p + 1).skip(next) {
                *s = x as i16;
            }
            next = next.max(p + 1);
        }
        for s in stretch.iter_mut().skip(next) {
            *s = 2047;
        }
        let mut rate = [0u32; 1024];
        for (n, r) in rate.iter_mut().enumerate() {
            *r = 131_072 / (2 * n as u32 + 3);
        }
        Tables { stretch, rate }
    }

    fn stretch(&self, p: u32) -> i32 {
        i32::from(self.stretch[(p & 4095) as usize])
    }
}

/// Predictors of hashed contexts: orders 1–5 and 8, the word, and two of
/// the JSON key.
const CONTEXTS: usize = 9;
/// Mixer inputs: one per context, the match model's two, order 0 and a bias.
const INPUTS: usize = CONTEXTS + 4;
/// log2 of the counters in the shared table.
const TABLE_BITS: u32 = 20;
/// log2 of the match model's table of positions.
const MATCH_BITS: u32 = 16;
/// Shortest repeat the match model looks for.
const MATCH_MIN: usize = 6;
/// The mixer's learning rate: a weight moves by input × error × this / 2^14.
const MIXER_RATE: i32 = 6;
/// The largest weight (256.0, where 1.0 is 65,536).
const WEIGHT_LIMIT: i32 = 1 << 24;

/// A probability (16 bits), how often it was updated (6 bits) and a check
/// of the context it belongs to (10 bits): a counter whose check differs
/// belongs to another context and starts afresh.
type Counter = u32;

const CHECK_MASK: u32 = 0x3FF;

fn counter_p(c: Counter) -> u32 {
    c >> 20
}

fn counter_update(c: &mut Counter, bit: u32, limit: u32, rate: &[u32; 1024]) {
    let n = (*c >> 10) & 63;
    let p = i64::from(*c >> 16);
    let target: i64 = if bit == 1 { 65_535 } else { 0 };
    let p = p + (((target - p) * i64::from(rate[n as usize])) >> 16);
    let n = if n < limit { n + 1 } else { n };
    *c = ((p as u32) << 16) | (n << 10) | (*c & CHECK_MASK);
}

/// A counter never updated: a probability of one half.
const HALF: Counter = 1 << 31;

/// An adaptive probability map: refines a probability given a small
/// context, by interpolating between 33 points along the stretched scale.
struct Apm {
    t: Vec<u16>,
    index: usize,
}

impl Apm {
    fn new(contexts: usize) -> Self {
        let mut t = vec![0u16; contexts * 33];
        for (i, v) in t.iter_mut().enumerate() {
            *v = (squash(((i % 33) as i32 - 16) * 128) * 16) as u16;
        }
        Apm { t, index: 0 }
    }

    /// `p` (12 bits, stretched as `s`) refined under `context`, in 16 bits.
    fn refine(&mut self, s: i32, context: usize) -> u32 {
        let s = (s + 2048).clamp(0, 4095) as usize;
        let w = (s & 127) as u32;
        let base = context * 33 + (s >> 7);
        self.index = base + ((w >> 6) as usize);
        (u32::from(self.t[base]) * (128 - w) + u32::from(self.t[base + 1]) * w) >> 7
    }

    fn update(&mut self, bit: u32, rate: u32) {
        let target: i32 = if bit == 1 { 65_535 } else { 0 };
        let v = i32::from(self.t[self.index]);
        self.t[self.index] = (v + ((target - v) >> rate)) as u16;
    }
}

/// Everything both ends learn as the bits go by.
struct Model {
    tables: Tables,
    counters: Vec<Counter>,
    order0: Vec<Counter>,
    /// The context hashes of the current byte, one per predictor.
    hashes: [u32; CONTEXTS],
    /// The counter each predictor used for the current bit.
    slots: [usize; CONTEXTS],
    inputs: [i32; INPUTS],
    weights: Vec<i32>,
    weight_set: usize,
    mixed: i32,
    apm_order1: Apm,
    p: u32,
    /// The bits of the current byte so far, after a leading 1.
    partial: u32,
    bit_count: u32,
    history: Vec<u8>,
    // Match model.
    match_table: Vec<u32>,
    match_ptr: usize,
    match_len: usize,
    match_counters: Vec<Counter>,
    match_slot: usize,
    /// The hash of the word so far (letters and digits, case folded).
    word: u32,
    // JSON structure.
    in_string: bool,
    escaped: bool,
    string_hash: u32,
    last_string: u32,
    key: u32,
    string_len: u32,
}

/// A 32-bit hash of `a` extended by `b` (multiply, rotate, multiply:
/// enough spread for table slots, and the same on every platform).
fn mix_hash(a: u32, b: u32) -> u32 {
    (a ^ b.wrapping_mul(0x9E37_79B1))
        .rotate_left(13)
        .wrapping_mul(0x85EB_CA6B)
        ^ b
}

impl Model {
    fn primed(dictionary: &[u8]) -> Self {
        let mut m = Model {
            tables: Tables::new(),
            counters: vec![HALF; 1 << TABLE_BITS],
            order0: vec![HALF; 256],
            hashes: [0; CONTEXTS],
            slots: [0; CONTEXTS],
            inputs: [0; INPUTS],
            weights: vec![1 << 14; 256 * INPUTS],
            weight_set: 0,
            mixed: 0,
            apm_order1: Apm::new(1 << 16),
            p: 1 << 15,
            partial: 1,
            bit_count: 0,
            history: Vec::with_capacity(dictionary.len() + 65_536),
            match_table: vec![0; 1 << MATCH_BITS],
            match_ptr: 0,
            match_len: 0,
            match_counters: vec![HALF; 64 * 2],
            match_slot: 0,
            word: 0,
            in_string: false,
            escaped: false,
            string_hash: 0,
            last_string: 0,
            key: 0,
            string_len: 0,
        };
        m.byte_contexts();
        m.predict();
        for &byte in dictionary {
            for i in (0..8).rev() {
                m.update(u32::from(byte >> i) & 1);
            }
        }
        m
    }

    /// The probability that the next bit is 1, in 16 bits.
    fn p(&self) -> u32 {
        self.p
    }

    fn update(&mut self, bit: u32) {
        // Learn.
        let rate = &self.tables.rate;
        for (i, &slot) in self.slots.iter().enumerate() {
            let limit = if i < 2 { 63 } else { 20 };
            counter_update(&mut self.counters[slot], bit, limit, rate);
        }
        counter_update(&mut self.order0[self.partial as usize], bit, 63, rate);
        if self.match_slot != usize::MAX {
            counter_update(&mut self.match_counters[self.match_slot], bit, 63, rate);
        }
        let err = ((bit << 12) as i32 - squash(self.mixed)) * MIXER_RATE;
        let w = &mut self.weights[self.weight_set..self.weight_set + INPUTS];
        for (w, &x) in w.iter_mut().zip(self.inputs.iter()) {
            // Bounded, so that no input can overflow a weight.
            *w = (*w + ((x * err) >> 14)).clamp(-WEIGHT_LIMIT, WEIGHT_LIMIT);
        }
        self.apm_order1.update(bit, 5);

        self.partial = (self.partial << 1) | bit;
        self.bit_count += 1;
        if self.bit_count == 8 {
            let byte = (self.partial & 0xFF) as u8;
            self.end_byte(byte);
            self.partial = 1;
            self.bit_count = 0;
            self.byte_contexts();
        }
        self.predict();
    }

    fn end_byte(&mut self, byte: u8) {
        self.history.push(byte);
        let n = self.history.len();
        // Match model: extend the repeat, or look for a new one.
        if self.match_len > 0 && self.history.get(self.match_ptr) == Some(&byte) {
            self.match_len += 1;
            self.match_ptr += 1;
        } else {
            self.match_len = 0;
        }
        if n >= MATCH_MIN {
            let mut h = 0u32;
            for &b in &self.history[n - MATCH_MIN..] {
                h = mix_hash(h, u32::from(b));
            }
            let slot = (h >> (32 - MATCH_BITS)) as usize;
            if self.match_len == 0 {
                let candidate = self.match_table[slot] as usize;
                if candidate > 0 {
                    let mut len = 0;
                    while len < 32
                        && len < candidate
                        && self.history[candidate - 1 - len] == self.history[n - 1 - len]
                    {
                        len += 1;
                    }
                    if len >= MATCH_MIN {
                        self.match_len = len;
                        self.match_ptr = candidate;
                    }
                }
            }
            self.match_table[slot] = n as u32;
        }
        // Words: letters and digits, case folded.
        let c = byte.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() || c >= 0x80 {
            self.word = mix_hash(self.word, u32::from(c));
        } else {
            self.word = 0;
        }
        // JSON: strings, and the key a value belongs to.
        if self.in_string {
            if self.escaped {
                self.escaped = false;
            } else if byte == b'\\' {
                self.escaped = true;
            } else if byte == b'"' {
                self.in_string = false;
                self.last_string = self.string_hash;
            }
            if self.in_string {
                self.string_hash = mix_hash(self.string_hash, u32::from(byte));
                self.string_len += 1;
            }
        } else if byte == b'"' {
            self.in_string = true;
            self.string_hash = 0;
            self.string_len = 0;
        } else if byte == b':' {
            self.key = self.last_string;
        }
    }

    fn byte_contexts(&mut self) {
        let h = &self.history;
        let n = h.len();
        let back = |i: usize| -> u32 {
            if i <= n {
                u32::from(h[n - i])
            } else {
                0
            }
        };
        let mut order = 0u32;
        let mut k = 0;
        for (slot, len) in [1usize, 2, 3, 4, 5].iter().enumerate() {
            while k < *len {
                k += 1;
                order = mix_hash(order, back(k) + 1);
            }
            self.hashes[slot] = mix_hash(order, slot as u32 + 1);
        }
        let state = u32::from(self.in_string) + 2 * self.string_len.min(3);
        self.hashes[5] = mix_hash(mix_hash(self.word, 101), back(1));
        self.hashes[6] = mix_hash(mix_hash(self.key, state), 103 + (back(1) << 8));
        self.hashes[7] = mix_hash(mix_hash(self.key, self.word), 104);
        self.hashes[8] = mix_hash(mix_hash(order_hash(h, 8), 105), 0);
    }

    fn predict(&mut self) {
        let t = &self.tables;
        let c0 = self.partial;
        let bits = 32 - TABLE_BITS;
        for i in 0..CONTEXTS {
            let h = mix_hash(self.hashes[i], c0);
            let slot = (h >> bits) as usize;
            let check = h & CHECK_MASK;
            // Two places a context may sit; a new one takes the place of
            // the less used.
            let other = slot ^ 1;
            let slot = if self.counters[slot] & CHECK_MASK == check {
                slot
            } else if self.counters[other] & CHECK_MASK == check {
                other
            } else {
                let worn = |c: u32| (c >> 10) & 63;
                let slot = if worn(self.counters[other]) < worn(self.counters[slot]) {
                    other
                } else {
                    slot
                };
                self.counters[slot] = HALF | check;
                slot
            };
            self.slots[i] = slot;
            self.inputs[i] = t.stretch(counter_p(self.counters[slot]));
        }
        self.inputs[CONTEXTS] = t.stretch(counter_p(self.order0[c0 as usize]));
        // Match model: the bit the repeat predicts, and how sure it is.
        self.match_slot = usize::MAX;
        self.inputs[CONTEXTS + 1] = 0;
        self.inputs[CONTEXTS + 2] = 0;
        if self.match_len > 0 {
            if let Some(&predicted) = self.history.get(self.match_ptr) {
                let predicted = (u32::from(predicted) | 256) >> (7 - self.bit_count);
                if predicted >> 1 == c0 {
                    let bit = predicted & 1;
                    let slot = self.match_len.min(31) * 2 + bit as usize;
                    self.match_slot = slot;
                    let s = t.stretch(counter_p(self.match_counters[slot]));
                    self.inputs[CONTEXTS + 1] = s;
                    let sure = (self.match_len.min(32) as i32) * 64;
                    self.inputs[CONTEXTS + 2] = if bit == 1 { sure } else { -sure };
                } else {
                    self.match_len = 0;
                }
            }
        }
        self.inputs[CONTEXTS + 3] = 256;
        self.weight_set = c0 as usize * INPUTS;
        let w = &self.weights[self.weight_set..self.weight_set + INPUTS];
        let dot: i64 = w
            .iter()
            .zip(self.inputs.iter())
            .map(|(&w, &x)| i64::from(w) * i64::from(x))
            .sum();
        self.mixed = (dot >> 16).clamp(-2047, 2047) as i32;
        let p12 = squash(self.mixed) as u32;
        let c1 = self.history.last().copied().unwrap_or(0) as usize;
        let b = self.apm_order1.refine(self.mixed, c0 as usize | (c1 << 8));
        let p = (p12 * 16 + 3 * b) >> 2;
        self.p = p.clamp(1, 65_535);
    }
}

fn order_hash(h: &[u8], len: usize) -> u32 {
    let n = h.len();
    let mut x = 0u32;
    for i in 1..=len {
        x = mix_hash(x, if i <= n { u32::from(h[n - i]) + 1 } else { 0 });
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::share::crc32::crc32;

    #[test]
    fn round_trips() {
        let mut noise = Vec::new();
        let mut x = 1u32;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            noise.push(x as u8);
        }
        let every: Vec<u8> = (0..=255).collect();
        let text = "The owner reviews the plan every week. ".repeat(300);
        for data in [
            &b""[..],
            b"x",
            b"{\"format\":\"planwright-plan\",\"version\":2}",
            &every,
            &noise,
            text.as_bytes(),
            &[7u8; 100_000],
        ] {
            let packed = compress(&dictionary(), data);
            assert_eq!(
                decompress(&dictionary(), &packed, 1 << 20).as_deref(),
                Ok(data)
            );
        }
        // Without the same dictionary the data does not read back.
        let packed = compress(&dictionary(), text.as_bytes());
        assert_ne!(
            decompress(b"another", &packed, 1 << 20).as_deref(),
            Ok(text.as_bytes())
        );
    }

    #[test]
    fn the_dictionary_makes_known_text_cheap() {
        let known = &super::super::packed::DICTIONARY[4_000..];
        assert!(
            compress(&dictionary(), known).len() < 60,
            "{}",
            compress(&dictionary(), known).len()
        );
        assert!(compress(b"", known).len() > 400);
    }

    #[test]
    fn the_length_bounds_the_work() {
        // Text that codes to almost nothing is padded, so the reader's cap
        // holds and it still reads back.
        let zeros = vec![0u8; 200_000];
        let packed = compress(&dictionary(), &zeros);
        assert!(packed.len() >= (200_000 - FREE_BYTES) / MAX_RATIO);
        assert_eq!(decompress(&dictionary(), &packed, 200_000), Ok(zeros));
        assert_eq!(
            decompress(&dictionary(), &packed, 199_999),
            Err(Unpack::TooLarge)
        );
        // A stated length the coded bytes cannot hold is refused unread.
        assert_eq!(
            decompress(&dictionary(), &[0x80, 0x80, 0x08, 1, 2], 1 << 24),
            Err(Unpack::Damaged)
        );
        // No length, or one that never ends.
        assert_eq!(decompress(&dictionary(), &[], 100), Err(Unpack::Damaged));
        assert_eq!(
            decompress(&dictionary(), &[0xFF; 8], 1 << 30),
            Err(Unpack::Damaged)
        );
    }

    #[test]
    fn damaged_streams_end_at_their_length() {
        let text = "Legal reviews the data processing agreement before the pilot.".repeat(20);
        let packed = compress(&dictionary(), text.as_bytes());
        // Cut inside the length: no length.
        assert_eq!(
            decompress(&dictionary(), &packed[..1], 1 << 20),
            Err(Unpack::Damaged)
        );
        for cut in [2, 3, packed.len() / 2, packed.len() - 1] {
            let out = decompress(&dictionary(), &packed[..cut], 1 << 20);
            assert_eq!(out.map(|o| o.len()), Ok(text.len()), "{cut}");
        }
        let mut flipped = packed.clone();
        flipped[packed.len() / 2] ^= 0x10;
        let out = decompress(&dictionary(), &flipped, 1 << 20).expect("some bytes");
        assert_eq!(out.len(), text.len());
        assert_ne!(out, text.as_bytes());
    }

    // The dictionary is part of link version 3: links made with it must
    // keep opening, so it may not change. Another needs another version.
    #[test]
    fn the_dictionary_is_frozen() {
        assert_eq!(
            (
                VOCABULARY.len(),
                dictionary().len(),
                crc32(&[&dictionary()])
            ),
            (5453, 11_784, 0x9B91_05D8),
            "the share dictionary of link version 3 changed"
        );
    }
}
