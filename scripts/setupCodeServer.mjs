// Placeholder until the editor harness lands: nothing to set up yet.
process.exit(0);
