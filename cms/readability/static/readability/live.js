/*
 * Heldere taal in the page editor: the draft's reading level, updated as the editor types.
 *
 * Posts the edit form (as Wagtail's preview does) to the panel's data-url after the editor
 * stops typing for a moment, shows the level, the hardest sentences with the reasons, the
 * words to replace and each block's level, and marks the hardest sentences in the preview
 * (Wagtail's preview iframe, same origin). No library; text is inserted as text, never HTML.
 */
(function () {
  'use strict';

  var DEBOUNCE_MS = 600;
  var MARK_CLASS = 'vh-hard-sentence';

  function form() {
    return document.querySelector('form#page-edit-form, form[data-edit-form]');
  }

  function panel() {
    return document.querySelector('[data-readability-panel]');
  }

  function clear(element) {
    while (element.firstChild) element.removeChild(element.firstChild);
  }

  function number(value) {
    return Number(value).toLocaleString('nl-BE');
  }

  function item(list, text) {
    var li = document.createElement('li');
    li.textContent = text;
    list.appendChild(li);
    return li;
  }

  var latest = null; // the last answer, for marking the preview again after it reloads

  function render(root, data) {
    var level = root.querySelector('[data-readability-level]');
    level.textContent = data.level_label;
    level.setAttribute('data-level', data.level);
    level.setAttribute('data-above-target', String(data.level === 'B2' || data.level === 'C1'));
    root.querySelector('[data-readability-difficulty]').textContent =
      '(moeilijkheid ' + number(data.difficulty) + '; ' + data.words_total + ' woorden, ' + data.sentences_total + ' zinnen)';
    root.querySelector('[data-readability-partial]').hidden = !data.partial;

    var sentences = root.querySelector('[data-readability-sentences]');
    clear(sentences);
    if (!data.sentences.length) item(sentences, 'Geen zinnen boven het doel.');
    data.sentences.slice(0, 5).forEach(function (sentence) {
      var li = item(sentences, '“' + sentence.text + '” (' + sentence.level + ')');
      var reasons = document.createElement('ul');
      reasons.className = 'vh-readability__reasons';
      sentence.reasons.forEach(function (reason) { item(reasons, reason); });
      li.appendChild(reasons);
    });

    var words = root.querySelector('[data-readability-words]');
    clear(words);
    var official = data.words.filter(function (word) { return word.suggestion; });
    var rare = data.words.filter(function (word) { return !word.suggestion; });
    if (!official.length && !rare.length) item(words, 'Geen ambtelijke of zeldzame woorden gevonden.');
    official.forEach(function (word) {
      item(words, word.word + ' → ' + word.suggestion + (word.count > 1 ? ' (' + word.count + '×)' : ''));
    });
    if (rare.length) {
      item(words, 'Weinig gebruikt: ' + rare.slice(0, 10).map(function (word) { return word.word; }).join(', '));
    }

    var blocks = root.querySelector('[data-readability-blocks]');
    clear(blocks);
    if (!data.blocks.length) item(blocks, 'Nog geen tekst.');
    data.blocks.forEach(function (block) {
      item(blocks, block.label + ': ' + block.level_label + ' (' + number(block.difficulty) + ')');
    });
  }

  function previewDocuments() {
    var frames = document.querySelectorAll('iframe[data-w-preview-target="iframe"], iframe.w-preview__iframe');
    var documents = [];
    Array.prototype.forEach.call(frames, function (frame) {
      try {
        if (frame.contentDocument && frame.contentDocument.body) documents.push(frame.contentDocument);
      } catch (error) { /* another origin: nothing to mark */ }
    });
    return documents;
  }

  function markSentence(doc, sentence) {
    var needle = sentence.text.slice(0, 60);
    var walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) {
      if (node.parentNode && node.parentNode.classList && node.parentNode.classList.contains(MARK_CLASS)) continue;
      var text = node.nodeValue.replace(/\s+/g, ' ');
      var at = text.indexOf(needle);
      if (at < 0 || text.length !== node.nodeValue.length) continue;
      var length = Math.min(sentence.text.length, node.nodeValue.length - at);
      var range = doc.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + length);
      var mark = doc.createElement('mark');
      mark.className = MARK_CLASS;
      mark.title = 'Moeilijke zin: ' + sentence.reasons.join('; ');
      range.surroundContents(mark);
      return true;
    }
    return false;
  }

  function markPreview() {
    if (!latest) return;
    previewDocuments().forEach(function (doc) {
      Array.prototype.forEach.call(doc.querySelectorAll('mark.' + MARK_CLASS), function (mark) {
        mark.replaceWith(doc.createTextNode(mark.textContent));
      });
      if (!doc.getElementById('vh-readability-style')) {
        var style = doc.createElement('style');
        style.id = 'vh-readability-style';
        style.textContent = 'mark.' + MARK_CLASS + '{background:#ffe08a;color:inherit;outline:2px solid #ad5c00;}';
        doc.head.appendChild(style);
      }
      latest.sentences.forEach(function (sentence) { markSentence(doc, sentence); });
    });
  }

  function start() {
    var root = panel();
    var editForm = form();
    if (!root || !editForm) return;
    var url = root.getAttribute('data-url');
    var timer = null;
    var inFlight = null;

    function score() {
      if (inFlight) inFlight.abort();
      inFlight = new AbortController();
      fetch(url, {
        method: 'POST',
        body: new FormData(editForm),
        credentials: 'same-origin',
        headers: { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' },
        signal: inFlight.signal,
      })
        .then(function (response) {
          if (!response.ok) throw new Error('HTTP ' + response.status);
          return response.json();
        })
        .then(function (data) {
          latest = data;
          render(root, data);
          markPreview();
        })
        .catch(function (error) {
          if (error.name === 'AbortError') return;
          root.querySelector('[data-readability-level]').textContent = 'niet beschikbaar (' + error.message + ')';
        });
    }

    function later() {
      clearTimeout(timer);
      timer = setTimeout(score, DEBOUNCE_MS);
    }

    // Typing in a text field or rich text editor (Draftail writes its hidden input a moment
    // after a keystroke, within the debounce), adding, moving or removing blocks.
    editForm.addEventListener('input', later, true);
    editForm.addEventListener('change', later, true);
    editForm.addEventListener('keyup', later, true);
    // The preview reloads as the editor types: mark its hardest sentences again.
    document.addEventListener('load', function (event) {
      if (event.target && event.target.tagName === 'IFRAME') markPreview();
    }, true);
    document.addEventListener('w-preview:loaded', markPreview);
    document.addEventListener('w-preview:updated', markPreview);
    // The first score once the editor's widgets (StreamField, Draftail) have been built.
    if (document.readyState === 'complete') later();
    else window.addEventListener('load', later);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
