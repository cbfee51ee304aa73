// Replaced by the CLI implementation.
int main() { return 0; }
