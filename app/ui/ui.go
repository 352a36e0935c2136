// Package ui is the viewer: go-app components, routes, the session state and
// the actions that open an export. It is the only app/ package importing
// go-app; everything that touches the browser goes through app/browser.
//
// Entry points: Routes (registers every page and action handler; call it on
// the server and in the wasm), Handler (the app description the server
// wraps).
//
// Data flow: a file is chosen -> the "open" action (a goroutine) ->
// view.Steps.Read -> view.Session.Judge -> the session state -> pages
// observe it. The session lives in memory only: never Persist, never
// Broadcast, never browser storage. Export content is only ever shown with
// app.Text (escaped), never app.Raw.
package ui
