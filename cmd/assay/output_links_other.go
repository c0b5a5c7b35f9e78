//go:build !unix

package main

import "io/fs"

// plantedLink knows no link owners where there are no Unix users.
func plantedLink(string, fs.FileInfo) string { return "" }

// plantedFile, likewise.
func plantedFile(string, fs.FileInfo) string { return "" }

// mayNotWrite leaves the write to say it where there is no access(2).
func mayNotWrite(string) string { return "" }
