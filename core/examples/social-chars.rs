//! Prints every character the Chinese social preview images draw (all shapes; the English
//! ones draw none in the CJK face), read from the drawings themselves: the input of
//! `scripts/subset-font.sh`, which subsets Noto Sans CJK SC to them.
//!
//! Usage: `cargo run -q -p yangpu-core --example social-chars > chars.txt`

fn main() {
    print!("{}", yangpu_core::charts::social::cjk_characters());
}
