//! The cleaning stages, one file each. [`crate::Pipeline::default`] runs them in the order
//! of [`crate::STAGE_ORDER`].

mod boilerplate;
mod joined_tokens;
mod mojibake;
mod quotes;
mod repeats;
mod unicode;
mod whitespace;

pub use boilerplate::Boilerplate;
pub(crate) use boilerplate::phrase_category;
pub use joined_tokens::JoinedTokens;
pub use mojibake::Mojibake;
pub use quotes::Quotes;
pub use repeats::{RepeatScope, Repeats};
pub use unicode::Unicode;
pub use whitespace::Whitespace;

use crate::pipeline::Stage;

/// One of each stage, in pipeline order, with the given quote and repeat stages.
pub(crate) fn all_stages(quotes: Quotes, repeats: Repeats) -> [Box<dyn Stage>; 7] {
    [
        Box::new(Mojibake::new()),
        Box::new(Unicode::new()),
        Box::new(quotes),
        Box::new(JoinedTokens::new()),
        Box::new(repeats),
        Box::new(Boilerplate::new()),
        Box::new(Whitespace::new()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_order_names_every_stage() {
        let names: Vec<_> = all_stages(Quotes::ascii(), Repeats::consecutive())
            .iter()
            .map(|s| s.name())
            .collect();
        assert_eq!(names, crate::STAGE_ORDER);
    }
}
