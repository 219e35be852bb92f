//! The `unscrape` command: see `unscrape --help`.

mod cli;
mod explain;

fn main() {
    std::process::exit(cli::run());
}
