#!/bin/sh
# gen.sh regenerates the synthetic fixtures of this folder with 7z (Debian: p7zip-full).
# Run it from this folder: sh gen.sh. The contents are invented; no personal data.
# unarr-test.rar is copied unchanged from github.com/gen2brain/go-unarr@v0.2.4/testdata/test.rar
# (one stored member "rar" holding "unarr\n"): there is no free RAR writer to make one here.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/s/dir"
printf 'hello, world\n' >"$tmp/s/hello.txt"
printf 'nested\n' >"$tmp/s/dir/nested.txt"
: >"$tmp/s/dir/empty.txt"
printf 'Kaffee\n' >"$tmp/s/Küche.txt"
find "$tmp/s" -exec touch -h -d '2021-03-04 05:06:07 UTC' {} +
rm -f sample.7z deflate64.zip zeros-64m.7z
(cd "$tmp/s" && 7z a -bd -t7z -mx=9 "$tmp/sample.7z" hello.txt dir Küche.txt >/dev/null)
# Deflate64 (ZIP method 9) is what Windows Explorer writes for big ZIPs; Go's archive/zip cannot read it.
i=0
while [ $i -lt 400 ]; do
	printf 'line %04d of a synthetic transcript: Alexa, what time is it?\n' $i
	i=$((i + 1))
done >"$tmp/transcript.txt"
touch -d '2021-03-04 05:06:07 UTC' "$tmp/transcript.txt"
(cd "$tmp" && 7z a -bd -tzip -mm=Deflate64 "$tmp/deflate64.zip" transcript.txt >/dev/null)
# 64 MiB of zeros in about 10 KB: a small bomb for the memory limit (7z decodes a
# solid folder into one allocation of its full size).
head -c 67108864 /dev/zero >"$tmp/zeros.bin"
touch -d '2021-03-04 05:06:07 UTC' "$tmp/zeros.bin"
(cd "$tmp" && 7z a -bd -t7z -mx=9 "$tmp/zeros-64m.7z" zeros.bin >/dev/null)
cp "$tmp/sample.7z" "$tmp/deflate64.zip" "$tmp/zeros-64m.7z" .
