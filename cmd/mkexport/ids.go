package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

// Identifiers from fixtures.md (all synthetic).
const (
	customerAnna    = "A1B2C3D4E5F6G7"
	customerForeign = "A9Z8Y7X6W5V4U3"
	emailAnna       = "anna.beispiel@example.com"
	nameAnna        = "Anna Beispiel"
	serialKueche    = "G070RQ0000000001"
	serialWohnen    = "G090LF0000000002"
	serialForeign   = "G070RQ0000000099"
	serialKindle    = "G000KD0000000003"
	typeEchoDot     = "A3S5BH2HU6VAYF"
	typeEcho        = "A7WXQPH584YP"
	typeKindle      = "AKINDLESYNTH01" // synthetic: real codes are 12–14 characters, none like this
	personAnna      = "amzn1.actor.person.oid.A1ANNAPROFILE1"
	personForeign   = "amzn1.actor.person.oid.A9STRANGERPRF9"

	emailAlice = "alice.muster@example.com"
	emailBob   = "bob.fremd@example.org"
)

// uuidFor derives a stable version-4-shaped UUID from a key: the fixed
// "seed" that keeps media names the same on every run.
func uuidFor(key string) string {
	h := sha256.Sum256([]byte("mkexport/v1/" + key))
	h[6] = h[6]&0x0f | 0x40
	h[8] = h[8]&0x3f | 0x80
	s := hex.EncodeToString(h[:16])
	return fmt.Sprintf("%s-%s-%s-%s-%s", s[:8], s[8:12], s[12:16], s[16:20], s[20:32])
}

// utteranceIDFor derives a stable, opaque utterance ID.
func utteranceIDFor(key string) string {
	return strings.ToUpper(uuidFor("utterance/" + key))
}
