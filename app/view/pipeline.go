package view

import (
	"context"

	"exportlens/app/archive"
	"exportlens/app/check"
	"exportlens/app/export"
)

// Steps are the pipeline's stages as function values, so that a test can
// replace one (make it panic, or count its calls).
type Steps struct {
	Open  func(context.Context, []archive.Input, archive.Options) (*archive.Tree, error)
	Load  func(context.Context, *archive.Tree, *export.Layout) (*export.Export, error)
	Check func(*export.Export, check.Declared) *check.Report
}

// Default are the domain's steps.
var Default = Steps{Open: archive.Open, Load: export.Load, Check: check.Run}

// Hooks let the caller watch and pace the pipeline; nil fields do nothing.
type Hooks struct {
	// Stage is told that the stage name ("list", "load") begins; the
	// function it returns is called when it ends.
	Stage func(name string) (end func())
	// Listed is given the tree as soon as it is listed: a caller that
	// recovers from a panic in a later step still has it to close.
	Listed func(*archive.Tree)
	// Between runs between listing and loading, each one stretch of work
	// (the viewer hands the page its turn there).
	Between func()
}

// Outcome is what Read made of the inputs.
type Outcome struct {
	Tree   *archive.Tree  // nil only when listing failed; the caller closes it
	Export *export.Export // nil when nothing could be read
}

// NothingRead reports whether no input could be read at all: nothing was
// listed and every input is a problem (Tree.Problems says why). An empty
// archive, which is read and holds nothing, is not that: it is loaded, and
// the checks say what it is (an export of no known format).
func (o Outcome) NothingRead() bool {
	return o.Tree != nil && len(o.Tree.Entries) == 0 && len(o.Tree.Problems) > 0
}

// Read lists the inputs and loads the export: archive.Open, then
// export.Load with layout (nil: the built-in one). Nothing is loaded when
// nothing could be read (Outcome.NothingRead). An error of either step is
// returned with what was made before it; the tree, when there is one, is
// the caller's to close either way.
func (st Steps) Read(ctx context.Context, inputs []archive.Input, opts archive.Options, layout *export.Layout, h Hooks) (Outcome, error) {
	var o Outcome
	end := h.stage("list")
	tree, err := st.Open(ctx, inputs, opts)
	end()
	o.Tree = tree
	if h.Listed != nil && tree != nil {
		h.Listed(tree)
	}
	if err != nil || tree == nil || o.NothingRead() {
		return o, err
	}
	if h.Between != nil {
		h.Between()
	}
	end = h.stage("load")
	o.Export, err = st.Load(ctx, tree, layout)
	end()
	if err != nil {
		o.Export = nil
	}
	return o, err
}

func (h Hooks) stage(name string) func() {
	if h.Stage == nil {
		return func() {}
	}
	return h.Stage(name)
}
