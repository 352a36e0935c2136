package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/check"
)

var (
	tQuestionVoiceDevice = def("question.voiceDevice", "Do you own a device that records your voice for Alexa — an Echo, a Fire TV, the Alexa app?", "Besitzen Sie ein Gerät, das Ihre Stimme für Alexa aufnimmt – einen Echo, einen Fire TV, die Alexa-App?")
	tQuestionHint        = def("question.hint", "Only you can answer this, and your answer settles where the recordings can come from. You can change it at any time.", "Das können nur Sie beantworten, und Ihre Antwort klärt, woher die Aufnahmen stammen können. Sie können sie jederzeit ändern.")
	tQuestionYes         = def("question.yes", "Yes", "Ja")
	tQuestionNo          = def("question.no", "No", "Nein")
	tQuestionUnsure      = def("question.unsure", "Not sure", "Weiß nicht")
	tQuestionSaidYes     = def("question.saidYes", "Your answer: yes. The recordings can come from your device; the export does not show which one.", "Ihre Antwort: Ja. Die Aufnahmen können von Ihrem Gerät stammen; welches es ist, zeigt der Export nicht.")
	tQuestionSaidNo      = def("question.saidNo", "Your answer: no. Then no device of yours explains the recordings.", "Ihre Antwort: Nein. Dann erklärt keines Ihrer Geräte die Aufnahmen.")
	tQuestionSaidUnsure  = def("question.saidUnsure", "Your answer: not sure. Then the export cannot tell. Listen to a few recordings: if the voices are not from your household, they are not yours. A complete export with the device list (Devices.Registration) would settle it too.", "Ihre Antwort: Weiß nicht. Dann lässt es sich aus dem Export nicht klären. Hören Sie sich einige Aufnahmen an: Stammen die Stimmen nicht aus Ihrem Haushalt, gehören sie nicht Ihnen. Auch ein vollständiger Export mit der Geräteliste (Devices.Registration) würde es klären.")
)

// voiceQuestion asks the one question that settles where recordings come
// from (check.QuestionVoiceDevice) as a group of radio buttons, and shows
// the answer given; the answer re-runs the checks (the "answer" action).
// The radio buttons are a real form group (fieldset and legend): arrow keys
// move between the answers.
type voiceQuestion struct {
	app.Compo
	Lang     string
	Declared check.Declared
	// Answer is the report's reading of the declared facts
	// (check.Report.Answer): a serial listed under "about you" is a yes too.
	Answer string
	Unsure bool
}

// current is the answer the declared facts stand for, "" when none.
func (q *voiceQuestion) current() answer {
	switch {
	case q.Declared.NoDevices || q.Answer == check.AnswerNo:
		return answerNo
	case q.Declared.OwnsDevice || q.Answer == check.AnswerYes:
		return answerYes
	case q.Unsure:
		return answerUnsure
	}
	return ""
}

func (q *voiceQuestion) Render() app.UI {
	cur := q.current()
	option := func(a answer, key textKey) app.UI {
		id := "question-" + string(a)
		return app.Div().Class("field", "checkbox").Body(
			app.Input().Type("radio").ID(id).Name("voice-device").Value(string(a)).
				Checked(cur == a).Attr("data-testid", id).OnChange(q.onAnswer(a)),
			app.Label().For(id).Text(tr(q.Lang, key)),
		)
	}
	said := map[answer]textKey{answerYes: tQuestionSaidYes, answerNo: tQuestionSaidNo, answerUnsure: tQuestionSaidUnsure}
	return app.Form().Class("question").Attr("data-testid", "question").Attr("data-answer", string(cur)).
		OnSubmit(func(ctx app.Context, e app.Event) { e.PreventDefault() }).Body(
		app.FieldSet().Body(
			app.Legend().Text(tr(q.Lang, tQuestionVoiceDevice)),
			app.P().Class("hint").Text(tr(q.Lang, tQuestionHint)),
			app.Div().Class("question-options").Body(
				option(answerYes, tQuestionYes),
				option(answerNo, tQuestionNo),
				option(answerUnsure, tQuestionUnsure),
			),
		),
		app.If(cur != "", app.P().Attr("data-testid", "question-said").Attr("aria-live", "polite").Text(tr(q.Lang, said[cur]))),
	)
}

func (q *voiceQuestion) onAnswer(a answer) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		ctx.NewActionWithValue(actionAnswer, a)
	}
}
