"""Readers shared by several sources: safe XML, text decoding, compressed inputs."""
