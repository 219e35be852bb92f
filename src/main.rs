//! The `unscrape` command: see `unscrape --help`.

mod bench;
mod cli;
mod explain;
mod progress;

/// html5ever allocates many small nodes and strings per page, and inputs and outputs come
/// and go by the megabyte: mimalloc keeps freed pages for the next document where glibc's
/// malloc hands them back and faults them in again.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(cli::run());
}
