//go:build !wasm

package main

// Firefox ESR over Marionette: Debian ships firefox-esr but no geckodriver,
// and geckodriver itself is only a translator from W3C WebDriver's HTTP to
// Marionette, the protocol Firefox speaks with -marionette. Marionette is a
// TCP stream of length-prefixed JSON ("<n>:<json>"): Firefox greets, then
// each command [0, id, "WebDriver:Name", params] gets [1, id, error, result].

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// firefoxPrefs keep a test profile quiet and local: no first-run pages, no
// updates or telemetry, no remote settings or experiments, every origin but
// loopback sent to a port where nothing listens; Marionette on a port of
// Firefox's choosing, which it writes into the profile.
const firefoxPrefs = `user_pref("marionette.port", 0);
user_pref("browser.shell.checkDefaultBrowser", false);
user_pref("browser.startup.homepage_override.mstone", "ignore");
user_pref("browser.aboutwelcome.enabled", false);
user_pref("datareporting.policy.dataSubmissionEnabled", false);
user_pref("datareporting.healthreport.uploadEnabled", false);
user_pref("toolkit.telemetry.reportingpolicy.firstRun", false);
user_pref("app.update.disabledForTesting", true);
user_pref("app.normandy.enabled", false);
user_pref("messaging-system.rsexperimentloader.enabled", false);
user_pref("browser.safebrowsing.malware.enabled", false);
user_pref("browser.safebrowsing.phishing.enabled", false);
user_pref("network.captive-portal-service.enabled", false);
user_pref("network.connectivity-service.enabled", false);
user_pref("network.proxy.type", 1);
user_pref("network.proxy.http", "127.0.0.1");
user_pref("network.proxy.http_port", 9);
user_pref("network.proxy.ssl", "127.0.0.1");
user_pref("network.proxy.ssl_port", 9);
user_pref("network.proxy.no_proxies_on", "127.0.0.1");
user_pref("intl.accept_languages", "en-US, en");
`

// marionette is one connection to Firefox.
type marionette struct {
	conn net.Conn
	r    *bufio.Reader
	id   int
}

func (m *marionette) write(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(m.conn, "%d:%s", len(b), b)
	return err
}

func (m *marionette) read() (json.RawMessage, error) {
	m.conn.SetReadDeadline(time.Now().Add(60 * time.Second))
	head, err := m.r.ReadString(':')
	if err != nil {
		return nil, err
	}
	n, err := strconv.Atoi(strings.TrimSuffix(head, ":"))
	if err != nil || n < 0 || n > 64<<20 {
		return nil, fmt.Errorf("marionette: a message of length %q", head)
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(m.r, b); err != nil {
		return nil, err
	}
	return b, nil
}

// command sends name with params and returns its result.
func (m *marionette) command(name string, params any) (json.RawMessage, error) {
	m.id++
	if err := m.write([]any{0, m.id, name, params}); err != nil {
		return nil, err
	}
	raw, err := m.read()
	if err != nil {
		return nil, err
	}
	var msg []json.RawMessage
	if err := json.Unmarshal(raw, &msg); err != nil || len(msg) != 4 {
		return nil, fmt.Errorf("marionette: %s", raw)
	}
	if string(msg[2]) != "null" {
		var e struct{ Error, Message string }
		json.Unmarshal(msg[2], &e)
		return nil, fmt.Errorf("%s: %s", e.Error, e.Message)
	}
	return msg[3], nil
}

// send is wd's send over Marionette: the W3C commands keyFlows uses, by
// their Marionette names. A result {"value": v} is v, as in W3C WebDriver.
func (m *marionette) send(method, path string, body any) (json.RawMessage, error) {
	params, _ := body.(map[string]any)
	name := ""
	switch parts := strings.Split(strings.TrimPrefix(path, "/"), "/"); {
	case method == "GET" && path == "/screenshot":
		name = "WebDriver:TakeScreenshot"
	case method == "POST" && path == "/url":
		name = "WebDriver:Navigate"
	case method == "POST" && path == "/execute/sync":
		name = "WebDriver:ExecuteScript"
	case method == "POST" && path == "/element":
		name = "WebDriver:FindElement"
	case method == "POST" && len(parts) == 3 && parts[0] == "element" && parts[2] == "click":
		name, params = "WebDriver:ElementClick", map[string]any{"id": parts[1]}
	case method == "POST" && len(parts) == 3 && parts[0] == "element" && parts[2] == "value":
		name, params = "WebDriver:ElementSendKeys", map[string]any{"id": parts[1], "text": params["text"]}
	default:
		return nil, fmt.Errorf("marionette: no command for %s %s", method, path)
	}
	res, err := m.command(name, params)
	if err != nil {
		return nil, err
	}
	var v struct {
		Value *json.RawMessage `json:"value"`
	}
	if json.Unmarshal(res, &v) == nil && v.Value != nil {
		return *v.Value, nil
	}
	return res, nil
}

// startFirefox starts Firefox ESR headless with Marionette in a fresh
// profile and opens a session.
func startFirefox(t *testing.T) *wd {
	t.Helper()
	bin, err := exec.LookPath("firefox-esr")
	if err != nil {
		if os.Getenv("CI") != "" || hasWasm(webFiles) {
			t.Fatal("firefox-esr is missing: `make firefox` installs Debian's firefox-esr")
		}
		t.Skip("firefox-esr is missing")
	}
	profile := t.TempDir()
	if err := os.WriteFile(filepath.Join(profile, "user.js"), []byte(firefoxPrefs), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--headless", "--marionette", "--no-remote", "--profile", profile, "about:blank")
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		cmd.Wait()
	})
	// With marionette.port 0 Firefox writes the port it took here.
	var conn net.Conn
	for deadline := time.Now().Add(60 * time.Second); conn == nil; {
		if b, err := os.ReadFile(filepath.Join(profile, "MarionetteActivePort")); err == nil {
			if port, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil {
				conn, _ = net.Dial("tcp", "127.0.0.1:"+strconv.Itoa(port))
			}
		}
		if conn == nil {
			if time.Now().After(deadline) {
				t.Fatalf("Firefox opened no Marionette port in 60 s:\n%s", out.String())
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	t.Cleanup(func() { conn.Close() })
	m := &marionette{conn: conn, r: bufio.NewReader(conn)}
	if _, err := m.read(); err != nil { // the greeting
		t.Fatalf("Marionette: %v", err)
	}
	if _, err := m.command("WebDriver:NewSession", map[string]any{"capabilities": map[string]any{}}); err != nil {
		t.Fatalf("Marionette: a session: %v", err)
	}
	t.Cleanup(func() { m.command("WebDriver:DeleteSession", map[string]any{}) })
	return &wd{t: t, engine: "Firefox", send: m.send}
}

// TestFirefoxKeyFlows runs keyFlows in Firefox ESR.
func TestFirefoxKeyFlows(t *testing.T) { keyFlows(t, startFirefox(t)) }
