//! The split points of recently judged words, one small table per thread: a text repeats
//! its words ("station", "relations", "Russia"), so most words that pass the quick test of
//! [`super::segment::split_point`] were judged moments before, and are answered with one
//! probe instead of the function-word cuts and the word-list lookups.
//!
//! ```text
//! memo.judged("station", WithFunctionWord)   -> not in the table: judged, remembered: None
//! memo.judged("station", WithFunctionWord)   -> remembered: None
//! memo.judged("Russiaand", WithFunctionWord) -> judged, remembered: Some(6)
//! ```
//!
//! The answer depends on the word and the pairs allowed only, so remembering it changes no
//! output, whatever the thread or the order of the documents.

use std::cell::RefCell;

use super::segment::Pairs;

/// Slots of the table (a power of two): one word each, the last one judged there.
const SLOTS: usize = 4096;
/// Longer words are judged every time: they are rare, and a word of at most 16 bytes is
/// its first eight and its last eight.
const MAX_WORD_LEN: usize = 16;

#[derive(Clone, Copy)]
struct Slot {
    /// The word's first eight bytes and its last eight (little-endian, zero-padded).
    head: u64,
    tail: u64,
    /// 0 for an empty slot (no word judged is that short).
    len: u8,
    pairs: Pairs,
    split: Option<u8>,
}

const EMPTY: Slot = Slot {
    head: 0,
    tail: 0,
    len: 0,
    pairs: Pairs::WithFunctionWord,
    split: None,
};

thread_local! {
    static TABLE: RefCell<Memo> = RefCell::new(Memo::new());
}

/// The table of one thread.
pub(super) struct Memo {
    slots: Box<[Slot]>,
}

/// Calls `work` with this thread's table, taken once for a whole document.
pub(super) fn with_table<T>(work: impl FnOnce(&mut Memo) -> T) -> T {
    TABLE.with_borrow_mut(work)
}

impl Memo {
    /// A table with every slot empty.
    fn new() -> Memo {
        Memo {
            slots: vec![EMPTY; SLOTS].into_boxed_slice(),
        }
    }

    /// The split point of `word` with `pairs`: remembered when the slot that `hash` picks
    /// holds it, else `judge()`, remembered for the next time. `ends` are the word's first
    /// eight bytes and its last eight as [`super::short_words::ends_at`] reads them.
    #[inline]
    pub(super) fn judged(
        &mut self,
        word: &[u8],
        (head, tail): (u64, u64),
        pairs: Pairs,
        hash: u64,
        judge: impl FnOnce() -> Option<usize>,
    ) -> Option<usize> {
        if word.is_empty() || word.len() > MAX_WORD_LEN {
            return judge();
        }
        let index =
            (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOTS.trailing_zeros())) as usize;
        let slot = &mut self.slots[index];
        if usize::from(slot.len) == word.len()
            && slot.head == head
            && slot.tail == tail
            && slot.pairs == pairs
        {
            return slot.split.map(usize::from);
        }
        let split = judge();
        *slot = Slot {
            head,
            tail,
            len: word.len() as u8,
            pairs,
            split: split.map(|cut| cut as u8),
        };
        split
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::joined_tokens::short_words::ends_at;

    #[test]
    fn remembers_each_word_and_never_mixes_two_of_one_slot() {
        let mut judged_count = 0;
        let mut memo = Memo::new();
        let ends = |word: &str| ends_at(word.as_bytes(), 0..word.len());
        let mut ask = |word: &str, hash: u64, answer: Option<usize>| {
            memo.judged(
                word.as_bytes(),
                ends(word),
                Pairs::WithFunctionWord,
                hash,
                || {
                    judged_count += 1;
                    answer
                },
            )
        };
        assert_eq!(ask("Russiaand", 7, Some(6)), Some(6));
        assert_eq!(ask("Russiaand", 7, None), Some(6));
        // Same slot, another word: judged on its own, then the slot holds it.
        assert_eq!(ask("station", 7, None), None);
        assert_eq!(ask("Russiaand", 7, Some(6)), Some(6));
        assert_eq!(judged_count, 3);
        // Another kind of pair is another question.
        let other = memo.judged(
            b"regularbasis",
            ends("regularbasis"),
            Pairs::AnyCommon,
            9,
            || Some(7),
        );
        let same_word = memo.judged(
            b"regularbasis",
            ends("regularbasis"),
            Pairs::WithFunctionWord,
            9,
            || None,
        );
        assert_eq!((other, same_word), (Some(7), None));
    }
}
