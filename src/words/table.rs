//! The layout of the English word table that `build.rs` writes and [`super`] reads: an
//! open-addressing hash table of `2^k` slots of 16 bytes (the word's start in the text and
//! its length as little-endian `u32`s, its count as a little-endian `u64`; a length of 0
//! marks an empty slot), probed linearly from the slot the word's FNV-1a hash names. The
//! table is built once, at compile time, so a process pays nothing to start using it.
//!
//! (Included by `build.rs` too, so that both sides hash alike.)

/// Bytes of one slot.
pub const SLOT_BYTES: usize = 16;

/// The 64-bit FNV-1a hash of `bytes`.
pub fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
