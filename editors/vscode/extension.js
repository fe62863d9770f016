// The JourneyMap extension: the grammar and language configuration are declared in
// package.json; this file only starts `journeymap lsp` and connects VS Code to it.
// Install its one dependency with `npm install` in this folder (see docs/editors.md).
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('journeymap').get('path') || 'journeymap';
  // An executable with no transport named talks over its standard input and output.
  const serverOptions = { command, args: ['lsp'] };
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'journey' }],
    // Includes and feedback files change on disk: the server re-checks the open journeys.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{journey,csv,jsonl,tsv}') },
  };
  client = new LanguageClient('journeymap', 'JourneyMap', serverOptions, clientOptions);
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
