// Site writing.
