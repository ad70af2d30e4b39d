//! Prints every character the Chinese social preview images and the pictures to share draw
//! (all shapes and views; the English ones draw none in the CJK face), read from the drawings
//! themselves: the input of `scripts/subset-font.sh`, which subsets Noto Sans CJK SC to them.
//!
//! Usage: `cargo run -q -p yangpu-core --example social-chars > chars.txt`

fn main() {
    print!("{}", yangpu_core::share::picture::cjk_characters());
}
