//! A set of 8-byte keys that may answer "maybe" for a key it does not hold, never "no" for
//! one it does: a Bloom filter with two bits per key, small enough to stay in the
//! processor's first-level cache.
//!
//! ```text
//! the 1,900 heads of the phrases ("read mor", "share th"...) in 2^16 bits, 6% of them set:
//!   "read mor" -> maybe (both its bits set)
//!   "the pres" -> no (one of its bits clear), as for all but about 1 in 300 such keys
//! ```

/// Two bits for each key, each picked by a multiplicative hash of it (the top bits of its
/// product with an odd constant).
pub(super) struct Bloom {
    bits: Vec<u64>,
    /// `64 - log2(bits)`: the shift that leaves a product's top bits.
    shift: u32,
}

/// The multipliers of the two hashes: the golden ratio and the square root of 2, as
/// fractions of 2^64 (made odd).
const MULTIPLIERS: [u64; 2] = [0x9e37_79b9_7f4a_7c15, 0x6a09_e667_f3bc_c909];

impl Bloom {
    /// An empty set of `1 << log2_bits` bits.
    pub(super) fn new(log2_bits: u32) -> Bloom {
        Bloom {
            bits: vec![0; (1 << log2_bits) / 64],
            shift: 64 - log2_bits,
        }
    }

    pub(super) fn insert(&mut self, key: u64) {
        for multiplier in MULTIPLIERS {
            let bit = self.bit(key, multiplier);
            self.bits[bit / 64] |= 1 << (bit % 64);
        }
    }

    /// Whether the set may hold `key`; when not, it does not. The second bit is looked at
    /// only when the first is set.
    pub(super) fn may_hold(&self, key: u64) -> bool {
        MULTIPLIERS.iter().all(|&multiplier| {
            let bit = self.bit(key, multiplier);
            self.bits[bit / 64] & (1 << (bit % 64)) != 0
        })
    }

    fn bit(&self, key: u64, multiplier: u64) -> usize {
        (key.wrapping_mul(multiplier) >> self.shift) as usize
    }
}
