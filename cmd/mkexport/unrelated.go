package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
)

// buildUnrelated is a ZIP that is no data export at all: holiday photos and a note.
func buildUnrelated() tree {
	t := tree{}
	colors := []color.RGBA{{0x2a, 0x7a, 0xd8, 0xff}, {0xf2, 0xc1, 0x4e, 0xff}, {0x3c, 0xa5, 0x5c, 0xff}}
	for i, c := range colors {
		img := image.NewRGBA(image.Rect(0, 0, 16, 12))
		for y := 0; y < 12; y++ {
			for x := 0; x < 16; x++ {
				px := c
				if y < 6 { // a sky above the landscape
					px = color.RGBA{0x9c, 0xd3, 0xf5, 0xff}
				}
				img.SetRGBA(x, y, px)
			}
		}
		var b bytes.Buffer
		must(png.Encode(&b, img))
		t.add(fmt.Sprintf("Urlaub/IMG_%04d.png", i+1), b.Bytes())
	}
	t.add("notes.txt", []byte("Urlaub 2023\n- Fähre um 9:40\n- Sonnencreme kaufen\n- Postkarten an Oma\n"))
	return t
}
