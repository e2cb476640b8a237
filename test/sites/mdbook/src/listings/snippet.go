package main

// ANCHOR: anchor
func included() {}
// ANCHOR_END: anchor
