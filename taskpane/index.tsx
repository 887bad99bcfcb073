/* Placeholder so the build runs; the task-pane engineer replaces this file. Renders nothing. */
export {};
