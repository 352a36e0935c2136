package check

const ruleFormatUnknown = "format-unknown"

// checkFormatUnknown: an export of no known vendor still opens as a file
// tree, but nothing in it can be compared with an account. Say so plainly
// instead of a silent "all good".
func checkFormatUnknown(c *checker) {
	c.add(finding(ruleFormatUnknown, Unknown, "", 0, nil, nil, msgFormatUnknown))
}
